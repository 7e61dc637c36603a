package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An object as stored at one revision, shared by every request of this process that reads it: look, never
 * touch ({@link #copy()} gives a private one to change). Its JSON, exactly as the API serves it, is encoded at
 * most once, so GETs, lists and watches of an unchanged object pass the same bytes on.
 */
public final class StoredObject<T extends HasMetadata> {

    private final T object;
    private final long revision;
    private final ObjectCodec codec;
    /**
     * The JSON just written to storage (without resourceVersion), when this object was the one written; let go
     * once the wire form is made from it, as the object cache may keep this for long.
     */
    private volatile String storedJson;
    private volatile byte[] json;

    StoredObject(T object, long revision, ObjectCodec codec) {
        this(object, revision, codec, null);
    }

    StoredObject(T object, long revision, ObjectCodec codec, String storedJson) {
        this.object = object;
        this.revision = revision;
        this.codec = codec;
        this.storedJson = storedJson;
    }

    /** The shared object, for reading only (selectors, Tables). */
    public T view() {
        return object;
    }

    public long revision() {
        return revision;
    }

    /** The object's JSON with its resourceVersion, as served. */
    public byte[] json() {
        byte[] encoded = json;
        if (encoded == null) {
            String written = storedJson;
            encoded = written != null ? codec.withResourceVersion(written, revision) : codec.encodeForClients(object);
            json = encoded;
            storedJson = null;
        }
        return encoded;
    }

    /** A private copy the caller may change. */
    @SuppressWarnings("unchecked")
    public T copy() {
        return codec.decode(json(), (Class<T>) object.getClass());
    }

    /**
     * This state as served at another revision: what a watcher whose selector a change left is sent (DELETED
     * with the state it had selected), as kube-apiserver does.
     */
    public StoredObject<T> atRevision(long servedAt) {
        T copy = copy();
        copy.getMetadata().setResourceVersion(Long.toString(servedAt));
        return new StoredObject<>(copy, servedAt, codec);
    }

    /** The key the object is indexed by in its resource: {@code namespace/name}. */
    public String indexMember() {
        return ObjectKey.indexMember(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
