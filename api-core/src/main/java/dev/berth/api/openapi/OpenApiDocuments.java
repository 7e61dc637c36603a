package dev.berth.api.openapi;

import dev.berth.api.resource.ResourceDefinition;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Status;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI documents kubectl reads: {@code /openapi/v3} (a root listing one document per group-version),
 * {@code /openapi/v3/api/v1} and the Swagger 2.0 {@code /openapi/v2}. Built once from the served resources.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DESCRIPTIONS = "berth/openapi/descriptions.properties";
    private static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private final String v3Root;
    private final Map<String, String> v3ByGroupVersion;
    private final String v2;

    public OpenApiDocuments(List<ResourceDefinition<?>> definitions) {
        Descriptions descriptions = new Descriptions(DESCRIPTIONS);
        Map<String, List<ResourceDefinition<?>>> byGroupVersion = new TreeMap<>();
        for (ResourceDefinition<?> definition : definitions) {
            byGroupVersion.computeIfAbsent(groupVersionPath(definition), k -> new java.util.ArrayList<>())
                    .add(definition);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode rootPaths = root.putObject("paths");
        Map<String, String> documents = new LinkedHashMap<>();
        byGroupVersion.forEach((path, served) -> {
            String document = write(v3(served, descriptions));
            documents.put(path, document);
            rootPaths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(document));
        });
        this.v3ByGroupVersion = Map.copyOf(documents);
        this.v3Root = write(root);
        this.v2 = write(v2(definitions, descriptions));
    }

    public String v3Root() {
        return v3Root;
    }

    /** @param path e.g. {@code api/v1} (without the {@code ?hash=} query) */
    public Optional<String> v3GroupVersion(String path) {
        return Optional.ofNullable(v3ByGroupVersion.get(path));
    }

    public String v2() {
        return v2;
    }

    private static ObjectNode v3(List<ResourceDefinition<?>> served, Descriptions descriptions) {
        return document(served, descriptions, RefStyle.V3);
    }

    private static ObjectNode v2(List<ResourceDefinition<?>> served, Descriptions descriptions) {
        return document(served, descriptions, RefStyle.V2);
    }

    /** The two dialects differ only in their version field and where the schemas live. */
    private static ObjectNode document(List<ResourceDefinition<?>> served, Descriptions descriptions, RefStyle style) {
        ObjectNode doc = JSON.createObjectNode();
        if (style == RefStyle.V3) {
            doc.put("openapi", "3.0.0");
        } else {
            doc.put("swagger", "2.0");
        }
        doc.putObject("info").put("title", "Berth").put("version", "v1.32.0-berth");
        ObjectNode paths = doc.putObject("paths");
        SchemaGenerator schemas = new SchemaGenerator(style, descriptions);
        describe(served, schemas, new Operations(style), paths);
        ObjectNode schemaNodes = JSON.valueToTree(schemas.schemas());
        if (style == RefStyle.V3) {
            doc.putObject("components").set("schemas", schemaNodes);
        } else {
            doc.set("definitions", schemaNodes);
        }
        return doc;
    }

    private static void describe(List<ResourceDefinition<?>> served, SchemaGenerator schemas, Operations operations,
                                 ObjectNode paths) {
        schemas.add(Status.class);
        schemas.add(DeleteOptions.class);
        schemas.schemas().put(PATCH, JSON.createObjectNode().put("type", "object")
                .put("description", "A patch in one of the supported patch formats."));
        for (ResourceDefinition<?> definition : served) {
            String schema = schemas.add(definition.type());
            String listSchema = schemas.add(listType(definition));
            groupVersionKind(schemas.schema(schema), definition, definition.kind());
            groupVersionKind(schemas.schema(listSchema), definition, definition.listKind());
            operations.addPaths(paths, definition, schema, listSchema);
        }
    }

    private static void groupVersionKind(ObjectNode schema, ResourceDefinition<?> definition, String kind) {
        ArrayNode gvk = schema.putArray("x-kubernetes-group-version-kind");
        gvk.addObject().put("group", definition.group()).put("kind", kind).put("version", definition.version());
    }

    private static Class<?> listType(ResourceDefinition<?> definition) {
        try {
            return Class.forName(definition.type().getPackageName() + "." + definition.listKind());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no list class for " + definition.kind(), e);
        }
    }

    private static String groupVersionPath(ResourceDefinition<?> definition) {
        return definition.group().isEmpty() ? "api/" + definition.version()
                : "apis/" + definition.group() + "/" + definition.version();
    }

    private static String write(ObjectNode node) {
        return JSON.writeValueAsString(node);
    }

    private static String hash(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
