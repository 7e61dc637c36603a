package dev.berth.api.patch;

import dev.berth.api.errors.ApiException;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import tools.jackson.databind.JsonNode;

import java.util.EnumSet;

/** Applies a PATCH body to an object's JSON, returning a new tree; the inputs are left untouched. */
public final class Patcher {

    /** @param kind the model class of the object (e.g. {@code Pod.class}); strategic merge takes its merge keys from it */
    public JsonNode apply(PatchType type, JsonNode original, JsonNode patch, Class<?> kind) {
        return switch (type) {
            case JSON -> jsonPatch(original, patch);
            case MERGE -> {
                if (!patch.isObject()) {
                    throw ApiException.badRequest("a merge patch must be a JSON object");
                }
                yield JsonMergePatch.apply(original, patch);
            }
            case STRATEGIC_MERGE -> StrategicMergePatch.apply(original, patch, kind);
        };
    }

    private static JsonNode jsonPatch(JsonNode original, JsonNode patch) {
        if (!patch.isArray()) {
            throw ApiException.badRequest("a JSON patch must be an array of operations");
        }
        for (JsonNode operation : patch) {
            if (!operation.isObject() || !operation.path("op").isString() || !operation.path("path").isString()) {
                throw ApiException.badRequest("every JSON patch operation needs \"op\" and \"path\": " + operation);
            }
        }
        try {
            // RFC 6902 (and Kubernetes) reject removing a path that does not exist; zjsonpatch allows it by default.
            return JsonPatch.apply(patch, original, EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT));
        } catch (JsonPatchException e) {
            throw ApiException.unprocessable("the JSON patch could not be applied: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid JSON patch: " + e.getMessage());
        }
    }
}
