package dev.berth.api.storage;

import java.util.List;

/** The items of a list and the revision they were all read at, so a watch can continue from there. */
public record ListResult<T>(List<T> items, long revision) {
}
