package dev.berth.api.patch;

import dev.berth.api.errors.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, as {@code kubectl apply}, {@code kubectl patch} and {@code kubectl edit}
 * send it: a JSON merge patch in which lists named by {@link MergeKeys} merge element by element, with the
 * directives {@code $patch} (replace/delete/merge), {@code $retainKeys}, {@code $setElementOrder/<list>} and
 * {@code $deleteFromPrimitiveList/<list>}.
 */
final class StrategicMergePatch {

    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String SET_ORDER = "$setElementOrder/";
    private static final String DELETE_PRIMITIVES = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    /** @param kind the model class of the patched object, which decides the merge keys of its lists */
    static JsonNode apply(JsonNode original, JsonNode patch, Class<?> kind) {
        if (!patch.isObject()) {
            throw ApiException.badRequest("a strategic merge patch must be a JSON object");
        }
        JsonNode merged = mergeObject(original != null && original.isObject() ? (ObjectNode) original : null,
                (ObjectNode) patch, new Position(kind, List.of()));
        return merged == null ? JsonNodeFactory.instance.objectNode() : merged;
    }

    /** Returns null when the patch deletes the whole object ({@code $patch: delete}). */
    private static ObjectNode mergeObject(ObjectNode original, ObjectNode patch, Position at) {
        String directive = patch.path(PATCH).asString("merge");
        switch (directive) {
            case "delete":
                return null;
            case "replace":
                return withoutDirectives(patch);
            case "merge":
                break;
            default:
                throw ApiException.badRequest("unknown $patch directive \"" + directive + "\" at " + at);
        }
        ObjectNode result = original == null ? JsonNodeFactory.instance.objectNode() : original.deepCopy();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (field.startsWith("$")) {
                continue;
            }
            Position child = at.child(field);
            if (value.isNull()) {
                result.remove(field);
            } else if (value.isObject()) {
                JsonNode current = result.get(field);
                ObjectNode merged = mergeObject(current != null && current.isObject() ? (ObjectNode) current : null,
                        (ObjectNode) value, child);
                if (merged == null) {
                    result.remove(field);
                } else {
                    result.set(field, merged);
                }
            } else if (value.isArray()) {
                JsonNode current = result.get(field);
                result.set(field, mergeList(current != null && current.isArray() ? (ArrayNode) current : null,
                        (ArrayNode) value, MergeKeys.of(at.type(), field), child));
            } else {
                result.set(field, value.deepCopy());
            }
        }
        applyListDirectives(result, patch, at);
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain != null && retain.isArray()) {
            Set<String> keep = new HashSet<>();
            retain.forEach(k -> keep.add(k.asString()));
            result.properties().removeIf(e -> !keep.contains(e.getKey()));
        }
        return result;
    }

    private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, Optional<String> mergeKey, Position at) {
        if (mergeKey.isEmpty() || original == null && !mergeKey.get().equals(MergeKeys.SET)) {
            return withoutDirectiveElements(patch);
        }
        if (mergeKey.get().equals(MergeKeys.SET)) {
            ArrayNode result = original == null ? JsonNodeFactory.instance.arrayNode() : original.deepCopy();
            Set<JsonNode> present = new HashSet<>();
            result.forEach(present::add);
            patch.forEach(v -> {
                if (present.add(v)) {
                    result.add(v.deepCopy());
                }
            });
            return result;
        }
        String key = mergeKey.get();
        for (JsonNode element : patch) {
            if (element.isObject() && "replace".equals(element.path(PATCH).asString(null))) {
                return withoutDirectiveElements(patch);
            }
        }
        ArrayNode result = original.deepCopy();
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(key)) {
                throw ApiException.badRequest("an element of " + at + " has no merge key \"" + key + "\"");
            }
            int index = indexOf(result, key, element.get(key));
            ObjectNode current = index < 0 ? null : (ObjectNode) result.get(index);
            ObjectNode merged = mergeObject(current, (ObjectNode) element, at);
            if (merged == null) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, merged);
            } else {
                result.add(merged);
            }
        }
        return result;
    }

    /** Applies {@code $setElementOrder/<list>} and {@code $deleteFromPrimitiveList/<list>} of this object. */
    private static void applyListDirectives(ObjectNode result, ObjectNode patch, Position at) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String name = entry.getKey();
            if (name.startsWith(DELETE_PRIMITIVES) && result.get(name.substring(DELETE_PRIMITIVES.length()))
                    instanceof ArrayNode list) {
                Set<JsonNode> remove = new HashSet<>();
                entry.getValue().forEach(remove::add);
                list.values().removeIf(remove::contains);
            } else if (name.startsWith(SET_ORDER)) {
                String field = name.substring(SET_ORDER.length());
                if (result.get(field) instanceof ArrayNode list) {
                    result.set(field, ordered(list, entry.getValue(), MergeKeys.of(at.type(), field)));
                }
            }
        }
    }

    /** Orders {@code list} as {@code order} lists its elements; elements it does not name keep their place after. */
    private static ArrayNode ordered(ArrayNode list, JsonNode order, Optional<String> mergeKey) {
        List<JsonNode> remaining = new ArrayList<>();
        list.forEach(remaining::add);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode wanted : order) {
            for (int i = 0; i < remaining.size(); i++) {
                JsonNode candidate = remaining.get(i);
                boolean same = mergeKey.filter(k -> !k.isEmpty())
                        .map(k -> candidate.path(k).equals(wanted.path(k)))
                        .orElse(candidate.equals(wanted));
                if (same) {
                    result.add(candidate);
                    remaining.remove(i);
                    break;
                }
            }
        }
        remaining.forEach(result::add);
        return result;
    }

    private static ArrayNode withoutDirectiveElements(ArrayNode patch) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : patch) {
            if (element.isObject() && element.has(PATCH)) {
                String directive = element.path(PATCH).asString();
                if (directive.equals("delete") || directive.equals("replace") && element.size() == 1) {
                    continue;
                }
            }
            result.add(element.isObject() ? withoutDirectives((ObjectNode) element) : element.deepCopy());
        }
        return result;
    }

    private static ObjectNode withoutDirectives(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.properties().removeIf(e -> e.getKey().startsWith("$"));
        return copy;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path(key).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the merge is: the model class of the current object (null when unknown) and the field path. */
    private record Position(Class<?> type, List<String> path) {

        Position child(String field) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(field);
            return new Position(ModelFields.of(type, field), childPath);
        }

        @Override
        public String toString() {
            return path.isEmpty() ? "the top level" : String.join(".", path);
        }
    }
}
