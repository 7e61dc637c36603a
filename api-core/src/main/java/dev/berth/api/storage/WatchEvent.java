package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One change in the event log. Objects are shared between all watchers of a process: never mutate them.
 *
 * @param object   the object after the change (for DELETED: its last state, at the deletion's revision)
 * @param previous the object before the change, or null for ADDED; lets selector-filtered watches turn
 *                 "stopped matching" into DELETED and "started matching" into ADDED
 */
public record WatchEvent(Type type, String resource, HasMetadata object, HasMetadata previous, long revision) {

    public enum Type { ADDED, MODIFIED, DELETED }
}
