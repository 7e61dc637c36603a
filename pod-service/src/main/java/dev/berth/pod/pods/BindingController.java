package dev.berth.pod.pods;

import dev.berth.api.errors.ApiException;
import dev.berth.api.registry.Registry;
import dev.berth.api.storage.Preconditions;
import dev.berth.api.web.ApiResources;
import dev.berth.api.web.RequestBodies;
import dev.berth.api.web.Responses;
import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST .../pods/{name}/binding}: assigns a pod to a node. It is a compare-and-set on an empty
 * {@code spec.nodeName}, so two schedulers racing for one pod cannot both win.
 */
@RestController
class BindingController {

    private final ApiResources resources;
    private final RequestBodies bodies;
    private final JsonMapper mapper;
    private final Responses responses;
    private final Clock clock;

    BindingController(ApiResources resources, RequestBodies bodies, JsonMapper mapper, Responses responses, Clock clock) {
        this.resources = resources;
        this.bodies = bodies;
        this.mapper = mapper;
        this.responses = responses;
        this.clock = clock;
    }

    @PostMapping("/api/v1/namespaces/{namespace}/pods/{name}/binding")
    void bind(@PathVariable String namespace, @PathVariable String name, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        Binding binding = parse(bodies.read(request));
        if (binding.getMetadata() != null && binding.getMetadata().getName() != null
                && !binding.getMetadata().getName().equals(name)) {
            throw ApiException.badRequest("the name of the binding (" + binding.getMetadata().getName()
                    + ") does not match the pod on the URL (" + name + ")");
        }
        if (binding.getTarget() == null || binding.getTarget().getName() == null || binding.getTarget().getName().isEmpty()) {
            throw ApiException.invalid("Binding", name,
                    List.of(dev.berth.api.errors.FieldError.required("target.name", "the node to bind to")));
        }
        String node = binding.getTarget().getName();
        String uid = binding.getMetadata() == null ? null : binding.getMetadata().getUid();
        @SuppressWarnings("unchecked")
        Registry<Pod> pods = (Registry<Pod>) resources.registry("pods");
        pods.systemUpdate(namespace, name, new Preconditions(emptyToNull(uid), null), pod -> assign(pod, node));
        responses.writeObject(response, HttpStatus.CREATED, new StatusBuilder().withStatus("Success").withCode(201).build());
    }

    private Pod assign(Pod pod, String node) {
        String current = pod.getSpec().getNodeName();
        if (current != null && !current.isEmpty()) {
            throw ApiException.conflict("pods/binding", pod.getMetadata().getName(),
                    "pod " + pod.getMetadata().getName() + " is already assigned to node \"" + current + "\"");
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            throw ApiException.conflict("pods/binding", pod.getMetadata().getName(), "pod is being deleted");
        }
        pod.getSpec().setNodeName(node);
        List<PodCondition> conditions = new ArrayList<>();
        if (pod.getStatus().getConditions() != null) {
            pod.getStatus().getConditions().stream().filter(c -> !"PodScheduled".equals(c.getType())).forEach(conditions::add);
        }
        conditions.add(new PodConditionBuilder().withType("PodScheduled").withStatus("True")
                .withLastTransitionTime(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()).build());
        pod.getStatus().setConditions(conditions);
        return pod;
    }

    private Binding parse(byte[] body) {
        try {
            return mapper.readValue(body, Binding.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not a valid Binding: " + e.getOriginalMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
