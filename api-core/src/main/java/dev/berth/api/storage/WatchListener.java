package dev.berth.api.storage;

import dev.berth.api.errors.ApiException;

/**
 * Receives a watch's events in revision order, each exactly once. Called from the storage's dispatcher
 * thread: implementations must only enqueue, never block.
 */
public interface WatchListener {

    void onEvent(WatchEvent event);

    /** Everything up to {@code revision} has been delivered; used for bookmarks. */
    default void onProgress(long revision) {
    }

    /** The watch cannot continue (e.g. it fell too far behind); the client must re-list. */
    void onError(ApiException error);
}
