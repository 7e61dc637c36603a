package dev.berth.replication.legacy;

import dev.berth.api.legacy.V1beta1ReplicationControllers;
import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.resource.CoreResources;
import dev.berth.api.storage.ListResult;
import dev.berth.api.web.ApiResources;
import dev.berth.api.web.RequestBodies;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ReplicationController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The original design's controller API, {@code /api/v1beta1/replicationControllers}: v1beta1 JSON in and
 * out, stored as v1 ReplicationControllers (ids lower-cased), so kubectl sees the same objects.
 */
@RestController
@RequestMapping("/api/v1beta1/replicationControllers")
class V1beta1ReplicationControllerController {

    private final ApiResources resources;
    private final RequestBodies bodies;
    private final JsonMapper mapper;

    V1beta1ReplicationControllerController(ApiResources resources, RequestBodies bodies, JsonMapper mapper) {
        this.resources = resources;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    @PostMapping
    ResponseEntity<byte[]> create(@RequestParam(defaultValue = "default") String namespace,
                                  HttpServletRequest request) {
        V1beta1ReplicationControllers.Converted converted =
                V1beta1ReplicationControllers.toV1(bodies.parse(bodies.read(request), request.getContentType()));
        ReplicationController rc = converted.controller();
        String target = rc.getMetadata().getNamespace() != null ? rc.getMetadata().getNamespace() : namespace;
        ReplicationController created = controllers().create(target, rc, false);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON);
        converted.warnings().forEach(w -> response.header("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return response.body(mapper.writeValueAsBytes(V1beta1ReplicationControllers.fromV1(created, mapper)));
    }

    @GetMapping
    ResponseEntity<byte[]> list(@RequestParam(required = false) String namespace,
                                @RequestParam(required = false) String labels) {
        ListResult<ReplicationController> list = controllers().list(
                namespace == null || namespace.isEmpty() ? null : namespace, Selection.parse(labels, null));
        ObjectNode body = mapper.createObjectNode();
        body.put("kind", "ReplicationControllerList");
        body.put("apiVersion", "v1beta1");
        body.put("resourceVersion", list.revision());
        ArrayNode items = body.putArray("items");
        list.items().forEach(rc -> items.add(V1beta1ReplicationControllers.fromV1(rc, mapper)));
        return json(body);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id, @RequestParam(defaultValue = "default") String namespace) {
        return json(V1beta1ReplicationControllers.fromV1(controllers().get(namespace, name(id)), mapper));
    }

    /** Deletes the controller and, once it is gone, the replication manager removes its pods. */
    @DeleteMapping("/{id}")
    ResponseEntity<byte[]> delete(@PathVariable String id, @RequestParam(defaultValue = "default") String namespace) {
        ReplicationController deleted = controllers().delete(namespace, name(id), new DeleteOptions(), false).object();
        return json(V1beta1ReplicationControllers.fromV1(deleted, mapper));
    }

    /** Clients of the original API address a controller by the id they gave it, mixed case and all. */
    private static String name(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private Registry<ReplicationController> controllers() {
        return (Registry<ReplicationController>) resources.registry(CoreResources.REPLICATION_CONTROLLERS.plural());
    }

    private ResponseEntity<byte[]> json(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(body));
    }
}
