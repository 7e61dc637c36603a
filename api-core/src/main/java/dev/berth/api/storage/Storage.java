package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Optional;

/**
 * The six calls an API server needs from its store (as in Kubernetes' storage.Interface), with reads in two
 * forms: private copies to change, and shared read-only objects that carry their encoding. Every write is
 * atomic and bumps one global revision that becomes the object's {@code metadata.resourceVersion} and the
 * id of its event, so lists and watches line up exactly.
 */
public interface Storage {

    /**
     * Stores a new object; 409 AlreadyExists if the key is taken. Returns it with its resourceVersion, shared
     * and read-only from now on, with its encoding for the answer.
     */
    <T extends HasMetadata> StoredObject<T> create(ObjectKey key, T object);

    /**
     * As {@link #create}, in one atomic step with the check that {@code namespace} (the key of a namespace
     * object) exists: 404 NotFound for the namespace otherwise, and nothing is written.
     */
    <T extends HasMetadata> StoredObject<T> createInNamespace(ObjectKey namespace, ObjectKey key, T object);

    /** The current object, a private copy. */
    <T extends HasMetadata> Optional<T> get(ObjectKey key, Class<T> type);

    /** The current object, shared and read-only, with its encoding (for answers that pass it on unchanged). */
    <T extends HasMetadata> Optional<StoredObject<T>> read(ObjectKey key, Class<T> type);

    /** All objects of a resource, optionally in one namespace (null = all), read at one revision; copies. */
    <T extends HasMetadata> ListResult<T> list(String resource, String namespace, Class<T> type);

    /**
     * As {@link #list}, shared and read-only, in key order ({@code namespace/name}). Consistent: the result
     * includes every write acknowledged before the call.
     */
    <T extends HasMetadata> ListResult<StoredObject<T>> readList(String resource, String namespace, Class<T> type);

    /**
     * Reads the object, applies {@code update} and writes the result if nobody wrote in between, retrying
     * otherwise. A result equal to the current object is not written (its revision stays). 404 if absent.
     * Returns the object as stored, with the JSON written, so answering it encodes nothing again.
     */
    <T extends HasMetadata> StoredObject<T> guaranteedUpdate(ObjectKey key, Class<T> type,
                                                             Preconditions preconditions, UpdateFunction<T> update);

    /** Removes the object if the preconditions hold; returns its last state at the deletion's revision. */
    <T extends HasMetadata> T delete(ObjectKey key, Class<T> type, Preconditions preconditions);

    /**
     * Delivers every change to {@code resource} (in {@code namespace}, or all if null) after
     * {@code fromRevision}. 410 Gone (reason Expired) if that revision is older than the kept history.
     */
    Watch watch(String resource, String namespace, long fromRevision, WatchListener listener);

    /** The newest revision written. */
    long currentRevision();
}
