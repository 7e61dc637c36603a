package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns objects into the JSON kept in storage and back. The stored JSON carries no resourceVersion: the
 * revision is kept beside it and set on every decoded copy, so it can never disagree with the store.
 */
public final class ObjectCodec {

    private final JsonMapper mapper;

    public ObjectCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(HasMetadata object) {
        String version = object.getMetadata().getResourceVersion();
        object.getMetadata().setResourceVersion(null);
        try {
            return mapper.writeValueAsString(object);
        } finally {
            object.getMetadata().setResourceVersion(version);
        }
    }

    public <T extends HasMetadata> T decode(String json, long revision, Class<T> type) {
        T object = mapper.readValue(json, type);
        object.getMetadata().setResourceVersion(Long.toString(revision));
        return object;
    }

    /** Shares {@code object}, which must be at {@code revision} and must not change any more. */
    public <T extends HasMetadata> StoredObject<T> stored(T object, long revision) {
        return new StoredObject<>(object, revision, this);
    }

    /** The wire form, resourceVersion included. */
    byte[] encodeForClients(HasMetadata object) {
        return mapper.writeValueAsBytes(object);
    }

    <T extends HasMetadata> T decode(byte[] json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
