package dev.berth.api.web;

import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.WatchEvent;
import dev.berth.api.table.IncludeObject;
import dev.berth.api.table.TablePrinter;
import dev.berth.api.table.TablePrinters;
import dev.berth.api.table.Tables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes watch events as newline-delimited {@code {"type":..,"object":..}} frames. Every watcher of a
 * process sees the same events, so an object's JSON is encoded once and shared through a small cache.
 */
public final class WatchFrames {

    private static final int CACHE_SIZE = 4096;

    private final JsonMapper mapper;
    private final Clock clock;
    private final Map<String, byte[]> encoded = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public WatchFrames(JsonMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    byte[] event(String type, WatchEvent event) {
        return frame(type, objectJson(event));
    }

    byte[] initial(StoredObject<?> object) {
        return frame("ADDED", object.json());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    byte[] tableRow(String type, ResourceDefinition<?> definition, HasMetadata object, boolean withColumns,
                    String includeObject) {
        TablePrinter printer = TablePrinters.forResource(definition.plural());
        ObjectNode table = (ObjectNode) mapper.valueToTree(Tables.table(printer, (List) List.of(object),
                object.getMetadata().getResourceVersion(), IncludeObject.parse(includeObject), clock.instant(), mapper));
        if (!withColumns) {
            // Kubernetes sends the column definitions once, with the first event.
            table.putArray("columnDefinitions");
        }
        return frame(type, mapper.writeValueAsBytes(table));
    }

    byte[] bookmark(ResourceDefinition<?> definition, long revision) {
        ObjectNode object = mapper.createObjectNode();
        object.put("kind", definition.kind());
        object.put("apiVersion", definition.apiVersion());
        object.putObject("metadata").put("resourceVersion", Long.toString(revision));
        return frame("BOOKMARK", mapper.writeValueAsBytes(object));
    }

    byte[] error(Status status) {
        return frame("ERROR", mapper.writeValueAsBytes(status));
    }

    private byte[] objectJson(WatchEvent event) {
        String key = event.resource() + "@" + event.revision();
        synchronized (encoded) {
            byte[] cached = encoded.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] json = mapper.writeValueAsBytes(event.object());
        synchronized (encoded) {
            encoded.put(key, json);
        }
        return json;
    }

    private static byte[] frame(String type, byte[] object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
        out.writeBytes(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(object);
        out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
