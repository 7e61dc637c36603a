package dev.berth.cli.create;

import dev.berth.cli.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads manifest files: YAML (several documents separated by {@code ---}) or JSON, which is YAML too; a
 * {@code List} contributes its items. v1beta1 objects are recognised by {@code apiVersion: v1beta1}.
 */
final class Manifests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Manifests() {
    }

    static List<JsonNode> read(Path file) {
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read " + file);
        }
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(Files.newInputStream(file))) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new UserError(file + ": a manifest must be an object with kind and apiVersion");
                }
                if (document.path("kind").asString("").endsWith("List") && document.has("items")) {
                    document.path("items").forEach(objects::add);
                } else {
                    objects.add(document);
                }
            }
        } catch (JacksonException e) {
            throw new UserError(file + " is neither JSON nor YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (objects.isEmpty()) {
            throw new UserError(file + " holds no objects");
        }
        return objects;
    }

    /** The seed's objects say {@code apiVersion: v1beta1}, or nothing at all and carry an {@code id}. */
    static boolean isV1beta1(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        return apiVersion.equals("v1beta1") || apiVersion.isEmpty() && object.has("id");
    }

    /** The object's kind; a v1beta1 object without one is a Pod if it has a manifest, a controller if a template. */
    static String kind(JsonNode object, Path file) {
        String kind = object.path("kind").asString("");
        if (kind.isEmpty() && isV1beta1(object)) {
            JsonNode desired = object.path("desiredState");
            kind = desired.has("manifest") ? "Pod" : desired.has("podTemplate") ? "ReplicationController" : "";
        }
        if (kind.isEmpty()) {
            throw new UserError(file + ": an object has no kind");
        }
        return kind;
    }
}
