package dev.berth.cli.get;

import dev.berth.cli.api.ApiRequests;
import dev.berth.cli.api.ResourceKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.io.PrintWriter;
import java.util.List;

/** Prints objects as JSON, YAML or {@code kind/name}; several objects as a v1 List, as kubectl does. */
final class ObjectOutput {

    /** kubectl's YAML style: no document marker, quotes only where a plain scalar would be misread. */
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

    private final ResourceKind kind;
    private final Format format;
    private final PrintWriter out;

    ObjectOutput(ResourceKind kind, Format format, PrintWriter out) {
        this.kind = kind;
        this.format = format;
        this.out = out;
    }

    void print(List<JsonNode> items, boolean single) {
        if (format == Format.NAME) {
            items.forEach(item -> out.println(kind.singular() + "/" + item.path("metadata").path("name").asString()));
        } else {
            JsonNode document = single && items.size() == 1 ? items.get(0) : list(items);
            out.print(format == Format.YAML ? YAML.writeValueAsString(document)
                    : ApiRequests.json().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        }
        out.flush();
    }

    private static JsonNode list(List<JsonNode> items) {
        ObjectNode list = ApiRequests.json().createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.putArray("items").addAll(items);
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }
}
