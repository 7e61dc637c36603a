package dev.berth.api.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.patch.MergeKeys;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives OpenAPI schemas from the fabric8 model classes the API serves, by reading their Jackson
 * annotations: each class becomes one named schema and nested classes are referenced, as in Kubernetes'
 * own documents.
 */
final class SchemaGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RefStyle style;
    private final Descriptions descriptions;
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();

    SchemaGenerator(RefStyle style, Descriptions descriptions) {
        this.style = style;
        this.descriptions = descriptions;
    }

    /** Adds {@code type} and everything it references; returns its schema name. */
    String add(Class<?> type) {
        String name = SchemaNames.of(type);
        if (!schemas.containsKey(name)) {
            pending.add(type);
            while (!pending.isEmpty()) {
                define(pending.poll());
            }
        }
        return name;
    }

    ObjectNode schema(String name) {
        return schemas.get(name);
    }

    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    private void define(Class<?> type) {
        String name = SchemaNames.of(type);
        if (schemas.containsKey(name)) {
            return;
        }
        ObjectNode schema = NODES.objectNode();
        schemas.put(name, schema);
        if (type == Quantity.class) {
            schema.setAll(style.quantity());
        } else if (type == IntOrString.class) {
            schema.setAll(style.intOrString());
        } else {
            schema.put("type", "object");
            ObjectNode properties = NODES.objectNode();
            for (Field field : properties(type)) {
                String property = field.getAnnotation(JsonProperty.class).value();
                ObjectNode fieldSchema = fieldSchema(field.getGenericType());
                descriptions.field(name, property).ifPresent(d -> fieldSchema.put("description", d));
                // kubectl apply computes its patch from these, so they must match how the server merges.
                MergeKeys.of(type, property).ifPresent(key -> {
                    if (!key.equals(MergeKeys.SET)) {
                        fieldSchema.put("x-kubernetes-patch-merge-key", key);
                    }
                    fieldSchema.put("x-kubernetes-patch-strategy", "merge");
                });
                properties.set(property, fieldSchema);
            }
            if (!properties.isEmpty()) {
                schema.set("properties", properties);
            }
            List<String> required = descriptions.required(name);
            if (!required.isEmpty()) {
                required.forEach(schema.putArray("required")::add);
            }
        }
        descriptions.type(name).ifPresent(d -> schema.put("description", d));
    }

    private ObjectNode fieldSchema(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", fieldSchema(args[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", fieldSchema(args[1]));
                return map;
            }
            return NODES.objectNode().put("type", "object");
        }
        if (!(type instanceof Class<?> cls)) {
            return NODES.objectNode().put("type", "object");
        }
        if (cls == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (cls == Integer.class || cls == int.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (cls == Long.class || cls == long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (cls == Boolean.class || cls == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (cls == Double.class || cls == double.class || cls == Float.class || cls == float.class) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (cls.isEnum()) {
            return NODES.objectNode().put("type", "string");
        }
        if (cls == Object.class || cls.isInterface() || JsonNode.class.isAssignableFrom(cls)
                || properties(cls).isEmpty() && cls != Quantity.class && cls != IntOrString.class) {
            // Free-form values (FieldsV1, RawExtension, any KubernetesResource).
            return NODES.objectNode().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        }
        pending.add(cls);
        return style.ref(SchemaNames.of(cls));
    }

    private static List<Field> properties(Class<?> type) {
        List<Field> fields = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(JsonProperty.class)
                        && !field.isAnnotationPresent(JsonIgnore.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
