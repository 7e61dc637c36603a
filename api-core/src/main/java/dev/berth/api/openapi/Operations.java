package dev.berth.api.openapi;

import dev.berth.api.resource.ResourceDefinition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The paths and operations of each served resource. kubectl reads one thing from them: whether the PATCH
 * operation of a kind lists the {@code fieldValidation} query parameter, which tells it to let the server
 * validate fields ({@code fieldValidation=Strict}) instead of validating on the client.
 */
final class Operations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
            "application/merge-patch+json", "application/strategic-merge-patch+json");
    private static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    private static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    private static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private final RefStyle style;

    Operations(RefStyle style) {
        this.style = style;
    }

    /** Adds the collection, item and {@code /status} paths of {@code definition} to {@code paths}. */
    void addPaths(ObjectNode paths, ResourceDefinition<?> definition, String schema, String listSchema) {
        String prefix = "/" + (definition.group().isEmpty() ? "api" : "apis/" + definition.group()) + "/"
                + definition.version() + (definition.namespaced() ? "/namespaces/{namespace}/" : "/")
                + definition.plural();
        String scope = definition.namespaced() ? "Namespaced" : "";
        String kind = definition.kind();

        ObjectNode collection = paths.putObject(prefix);
        pathParameters(collection, definition.namespaced(), false);
        collection.set("get", operation("list" + scope + kind, "list", definition, listSchema, 200,
                "labelSelector", "fieldSelector", "resourceVersion", "timeoutSeconds", "watch", "allowWatchBookmarks",
                "limit"));
        ObjectNode create = operation("create" + scope + kind, "post", definition, schema, 201,
                "dryRun", "fieldManager", "fieldValidation");
        body(create, style.plainRef(schema), List.of("application/json", "application/yaml"));
        collection.set("post", create);
        collection.set("delete", operation("deletecollection" + scope + kind, "deletecollection", definition,
                STATUS, 200, "labelSelector", "fieldSelector", "dryRun", "gracePeriodSeconds"));

        ObjectNode item = paths.putObject(prefix + "/{name}");
        pathParameters(item, definition.namespaced(), true);
        itemOperations(item, definition, schema, "", scope + kind);
        ObjectNode delete = operation("delete" + scope + kind, "delete", definition, schema, 200,
                "dryRun", "gracePeriodSeconds", "propagationPolicy");
        body(delete, style.plainRef(DELETE_OPTIONS), List.of("application/json"));
        item.set("delete", delete);

        if (definition.subresources().contains("status")) {
            ObjectNode status = paths.putObject(prefix + "/{name}/status");
            pathParameters(status, definition.namespaced(), true);
            itemOperations(status, definition, schema, "Status", scope + kind);
        }
    }

    private void itemOperations(ObjectNode path, ResourceDefinition<?> definition, String schema, String suffix,
                                String name) {
        path.set("get", operation("read" + name + suffix, "get", definition, schema, 200));
        ObjectNode replace = operation("replace" + name + suffix, "put", definition, schema, 200,
                "dryRun", "fieldManager", "fieldValidation");
        body(replace, style.plainRef(schema), List.of("application/json", "application/yaml"));
        path.set("put", replace);
        ObjectNode patch = operation("patch" + name + suffix, "patch", definition, schema, 200,
                "dryRun", "fieldManager", "fieldValidation", "force");
        body(patch, style.plainRef(PATCH), PATCH_TYPES);
        path.set("patch", patch);
    }

    private ObjectNode operation(String id, String action, ResourceDefinition<?> definition, String responseSchema,
                                 int code, String... queryParameters) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", id);
        op.putArray("tags").add(definition.group().isEmpty() ? "core_" + definition.version()
                : definition.group() + "_" + definition.version());
        ArrayNode parameters = op.putArray("parameters");
        for (String name : queryParameters) {
            parameters.add(parameter(name, "query", false, name.equals("limit") || name.endsWith("Seconds")
                    ? "integer" : name.equals("watch") || name.equals("allowWatchBookmarks") || name.equals("force")
                    ? "boolean" : "string"));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(code)).put("description", code == 201 ? "Created" : "OK");
        if (style == RefStyle.V2) {
            ok.set("schema", style.plainRef(responseSchema));
        } else {
            ok.putObject("content").putObject("application/json").set("schema", style.plainRef(responseSchema));
        }
        responses.putObject("401").put("description", "Unauthorized");
        op.put("x-kubernetes-action", action);
        op.putObject("x-kubernetes-group-version-kind")
                .put("group", definition.group()).put("version", definition.version()).put("kind", definition.kind());
        return op;
    }

    private void body(ObjectNode op, ObjectNode schema, List<String> mediaTypes) {
        if (style == RefStyle.V2) {
            ObjectNode body = NODES.objectNode().put("name", "body").put("in", "body").put("required", true);
            body.set("schema", schema);
            ((ArrayNode) op.get("parameters")).insert(0, body);
            mediaTypes.forEach(op.putArray("consumes")::add);
            return;
        }
        ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
        mediaTypes.forEach(type -> content.putObject(type).set("schema", schema));
    }

    private void pathParameters(ObjectNode path, boolean namespaced, boolean named) {
        ArrayNode parameters = path.putArray("parameters");
        if (named) {
            parameters.add(parameter("name", "path", true, "string"));
        }
        if (namespaced) {
            parameters.add(parameter("namespace", "path", true, "string"));
        }
        if (parameters.isEmpty()) {
            path.remove("parameters");
        }
    }

    private ObjectNode parameter(String name, String in, boolean required, String type) {
        ObjectNode parameter = NODES.objectNode().put("name", name).put("in", in);
        if (required) {
            parameter.put("required", true);
        }
        if (style == RefStyle.V2) {
            parameter.put("type", type);
        } else {
            parameter.putObject("schema").put("type", type).put("uniqueItems", true);
        }
        return parameter;
    }
}
