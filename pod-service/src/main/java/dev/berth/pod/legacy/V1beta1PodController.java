package dev.berth.pod.legacy;

import dev.berth.api.legacy.V1beta1Pods;
import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.storage.ListResult;
import dev.berth.api.web.ApiResources;
import dev.berth.api.web.RequestBodies;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
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

/**
 * The original design's pod API, {@code /api/v1beta1/pods}: v1beta1 JSON in and out, stored as v1 Pods so
 * both APIs (and kubectl) see the same objects. The namespace is a query parameter, as it was then.
 */
@RestController
@RequestMapping("/api/v1beta1/pods")
class V1beta1PodController {

    private final ApiResources resources;
    private final RequestBodies bodies;
    private final JsonMapper mapper;

    V1beta1PodController(ApiResources resources, RequestBodies bodies, JsonMapper mapper) {
        this.resources = resources;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    @PostMapping
    ResponseEntity<byte[]> create(@RequestParam(defaultValue = "default") String namespace, HttpServletRequest request) {
        V1beta1Pods.ConvertedPod converted = V1beta1Pods.toV1(bodies.parse(bodies.read(request), request.getContentType()));
        Pod pod = converted.pod();
        String target = pod.getMetadata().getNamespace() != null ? pod.getMetadata().getNamespace() : namespace;
        Pod created = pods().create(target, pod, false);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON);
        converted.warnings().forEach(w -> response.header("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return response.body(mapper.writeValueAsBytes(V1beta1Pods.fromV1(created, mapper)));
    }

    @GetMapping
    ResponseEntity<byte[]> list(@RequestParam(required = false) String namespace,
                                @RequestParam(required = false) String labels) {
        ListResult<Pod> list = pods().list(namespace == null || namespace.isEmpty() ? null : namespace,
                Selection.parse(labels, null));
        ObjectNode body = mapper.createObjectNode();
        body.put("kind", "PodList");
        body.put("apiVersion", "v1beta1");
        body.put("resourceVersion", list.revision());
        ArrayNode items = body.putArray("items");
        list.items().forEach(p -> items.add(V1beta1Pods.fromV1(p, mapper)));
        return json(body);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id, @RequestParam(defaultValue = "default") String namespace) {
        return json(V1beta1Pods.fromV1(pods().get(namespace, id), mapper));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<byte[]> delete(@PathVariable String id, @RequestParam(defaultValue = "default") String namespace) {
        return json(V1beta1Pods.fromV1(pods().delete(namespace, id, new DeleteOptions(), false).object(), mapper));
    }

    @SuppressWarnings("unchecked")
    private Registry<Pod> pods() {
        return (Registry<Pod>) resources.registry("pods");
    }

    private ResponseEntity<byte[]> json(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(body));
    }
}
