package dev.berth.api.openapi;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two OpenAPI dialects kubectl reads differ in where schemas live and how a described reference is
 * written; Kubernetes' own v3 documents wrap a reference in {@code allOf} so it can carry a description.
 */
enum RefStyle {
    V2("#/definitions/"),
    V3("#/components/schemas/");

    private final String prefix;

    RefStyle(String prefix) {
        this.prefix = prefix;
    }

    ObjectNode ref(String schemaName) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("$ref", prefix + schemaName);
        if (this == V2) {
            return ref;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.putArray("allOf").add(ref);
        return wrapped;
    }

    /** A bare reference, for request and response bodies. */
    ObjectNode plainRef(String schemaName) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("$ref", prefix + schemaName);
        return ref;
    }

    /** Kubernetes' Quantity: {@code 500m}, {@code 1Gi} or a bare number such as {@code cpu: 1}. */
    ObjectNode quantity() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        if (this == V2) {
            schema.put("type", "string");
        } else {
            schema.putArray("oneOf").add(type("string")).add(type("number"));
        }
        return schema;
    }

    private static ObjectNode type(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    /** Kubernetes' IntOrString: a string format in v2, an extension kubectl understands in v3. */
    ObjectNode intOrString() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        if (this == V2) {
            schema.put("type", "string");
            schema.put("format", "int-or-string");
        } else {
            schema.put("x-kubernetes-int-or-string", true);
        }
        return schema;
    }
}
