package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One change in the event log. Objects are shared between all watchers of a process: never mutate them.
 *
 * @param stored   the object after the change (for DELETED: its last state, at the deletion's revision), with
 *                 its wire form, which the object cache and every watcher share
 * @param previous the object before the change, or null for ADDED; lets selector-filtered watches turn
 *                 "stopped matching" into DELETED and "started matching" into ADDED
 */
public record WatchEvent(Type type, String resource, StoredObject<HasMetadata> stored,
                         StoredObject<HasMetadata> previous, long revision) {

    public HasMetadata object() {
        return stored.view();
    }

    /** The object before the change, or null for ADDED. */
    public HasMetadata previousObject() {
        return previous == null ? null : previous.view();
    }

    public enum Type { ADDED, MODIFIED, DELETED }
}
