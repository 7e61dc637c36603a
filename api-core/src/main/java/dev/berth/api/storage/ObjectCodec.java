package dev.berth.api.storage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Turns objects into the JSON kept in storage and back. The stored JSON carries no resourceVersion: the
 * revision is kept beside it and set on every decoded copy, so it can never disagree with the store.
 */
public final class ObjectCodec {

    /** The metadata fields written before resourceVersion: fabric8's property order up to it. */
    private static final Set<String> BEFORE_RESOURCE_VERSION = fieldsBeforeResourceVersion();

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

    /** As {@link #decode(String, long, Class)}, from UTF-8 bytes as Redis returns them. */
    public <T extends HasMetadata> T decode(byte[] json, long revision, Class<T> type) {
        T object = mapper.readValue(json, type);
        object.getMetadata().setResourceVersion(Long.toString(revision));
        return object;
    }

    /** Shares {@code object}, which must be at {@code revision} and must not change any more. */
    public <T extends HasMetadata> StoredObject<T> stored(T object, long revision) {
        return new StoredObject<>(object, revision, this);
    }

    /**
     * As {@link #stored(HasMetadata, long)}, for an object just written as {@code storedJson}: its wire form is
     * that JSON with the resourceVersion spliced in, not a second encoding of the object.
     */
    public <T extends HasMetadata> StoredObject<T> stored(T object, long revision, String storedJson) {
        return new StoredObject<>(object, revision, this, storedJson);
    }

    /**
     * The wire form of an object stored as {@code storedJson}: the same bytes as encoding it with its
     * resourceVersion, which goes where fabric8's property order puts it in the metadata. Reads only as far
     * as that place.
     */
    byte[] withResourceVersion(String storedJson, long revision) {
        try (JsonParser parser = mapper.createParser(storedJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("stored JSON is not an object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean metadata = parser.currentName().equals("metadata");
                if (parser.nextToken() == JsonToken.START_OBJECT && metadata) {
                    return splice(storedJson, parser, "\"resourceVersion\":\"" + revision + "\"");
                }
                parser.skipChildren();
            }
        }
        throw new IllegalArgumentException("stored JSON has no metadata object");
    }

    /** Inserts {@code field} into the object the parser has just entered, in fabric8's property order. */
    private static byte[] splice(String json, JsonParser parser, String field) {
        boolean afterAField = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME
                && BEFORE_RESOURCE_VERSION.contains(parser.currentName())) {
            afterAField = true;
            parser.nextToken();
            parser.skipChildren();
        }
        int at = (int) parser.currentTokenLocation().getCharOffset();
        String inserted = token == JsonToken.PROPERTY_NAME ? field + "," : afterAField ? "," + field : field;
        return (json.substring(0, at) + inserted + json.substring(at)).getBytes(StandardCharsets.UTF_8);
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

    private static Set<String> fieldsBeforeResourceVersion() {
        String[] order = ObjectMeta.class.getAnnotation(JsonPropertyOrder.class).value();
        return Set.of(Arrays.copyOf(order, Arrays.asList(order).indexOf("resourceVersion")));
    }
}
