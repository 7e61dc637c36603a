package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import dev.berth.api.resource.ResourceDefinition;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Turns a request body into the resource's model object, checking its kind and apiVersion and, as
 * {@code fieldValidation} asks (Strict, Warn by default, Ignore), the fields the schema does not know.
 */
public final class ObjectReader {

    private final RequestBodies bodies;
    private final JsonMapper mapper;

    public ObjectReader(RequestBodies bodies, JsonMapper mapper) {
        this.bodies = bodies;
        this.mapper = mapper;
    }

    public <T extends HasMetadata> Decoded<T> decode(ResourceDefinition<T> definition, HttpServletRequest request) {
        JsonNode tree = bodies.parse(bodies.read(request), request.getContentType());
        return decode(definition, tree, request.getParameter("fieldValidation"));
    }

    public <T extends HasMetadata> Decoded<T> decode(ResourceDefinition<T> definition, JsonNode tree,
                                                     String fieldValidation) {
        if (!tree.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object, not " + tree.getNodeType());
        }
        String kind = tree.path("kind").asString("");
        if (!kind.isEmpty() && !kind.equals(definition.kind())) {
            throw ApiException.badRequest("the kind in the body (" + kind + ") does not match the resource's kind ("
                    + definition.kind() + ")");
        }
        String apiVersion = tree.path("apiVersion").asString("");
        if (!apiVersion.isEmpty() && !apiVersion.equals(definition.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + definition.apiVersion() + ")");
        }
        T object;
        try {
            object = mapper.treeToValue(tree, definition.type());
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not a valid " + definition.kind() + ": " + e.getOriginalMessage()
                    + at(e));
        }
        List<String> unknown = UnknownFields.find(object);
        String mode = fieldValidation == null || fieldValidation.isEmpty() ? "Warn" : fieldValidation;
        switch (mode) {
            case "Strict" -> {
                if (!unknown.isEmpty()) {
                    throw ApiException.badRequest("strict decoding error: " + String.join(", ",
                            unknown.stream().map(f -> "unknown field \"" + f + "\"").toList()));
                }
            }
            case "Warn", "Ignore" -> {
            }
            default -> throw ApiException.badRequest("fieldValidation: Unsupported value: \"" + fieldValidation
                    + "\": supported values: \"Ignore\", \"Warn\", \"Strict\"");
        }
        return new Decoded<>(object, mode.equals("Warn") ? unknown : List.of());
    }

    public DeleteOptions deleteOptions(byte[] body) {
        try {
            return mapper.readValue(body, DeleteOptions.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not valid DeleteOptions: " + e.getOriginalMessage());
        }
    }

    private static String at(JacksonException e) {
        String path = e.getPathReference();
        return path == null ? "" : " (at " + path + ")";
    }

    /** A decoded object and the unknown fields to report as {@code Warning} headers. */
    public record Decoded<T>(T object, List<String> unknownFields) {

        /** Before the body is written: headers cannot follow it. */
        public void addWarnings(HttpServletResponse response) {
            unknownFields.forEach(f -> response.addHeader("Warning", "299 - \"unknown field \\\"" + f + "\\\"\""));
        }
    }
}
