package dev.berth.scheduler.binding;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Binds through {@code pods/{name}/binding}, a compare-and-set on an empty {@code spec.nodeName} that also
 * carries the pod's uid, so a pod deleted and re-created under the same name is never bound by mistake.
 * Tells of the outcome with events, as kube-scheduler does.
 */
public final class Binder {

    private static final Logger log = LoggerFactory.getLogger(Binder.class);

    private final AsyncApi api;
    private final Clock clock;

    public Binder(AsyncApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public CompletableFuture<BindResult> bind(Pod pod, String node) {
        var meta = pod.getMetadata();
        Binding binding = new BindingBuilder().withNewMetadata().withName(meta.getName())
                .withNamespace(meta.getNamespace()).withUid(meta.getUid()).endMetadata()
                .withNewTarget().withKind("Node").withApiVersion("v1").withName(node).endTarget().build();
        return api.post(path(pod) + "/binding", binding).thenApply(BindResult::of)
                .exceptionally(e -> {
                    log.warn("Binding {}/{} to {} got no answer: {}", meta.getNamespace(), meta.getName(), node,
                            e.getMessage());
                    return BindResult.FAILED;
                });
    }

    /** Sets {@code PodScheduled=False} ({@code Unschedulable}) with the per-filter message, and a warning event. */
    public void reportUnschedulable(Pod pod, String message) {
        var current = pod.getStatus() == null ? null : pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType())).findFirst().orElse(null);
        if (current != null && "False".equals(current.getStatus()) && message.equals(current.getMessage())) {
            return;
        }
        Map<String, Object> condition = Map.of("type", "PodScheduled", "status", "False", "reason", "Unschedulable",
                "message", message, "lastTransitionTime", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        api.patch(path(pod) + "/status", "application/strategic-merge-patch+json",
                Map.of("status", Map.of("conditions", java.util.List.of(condition))))
                .whenComplete((status, e) -> logUnexpected("status of", pod, status, e));
        event(pod, "Warning", "FailedScheduling", message);
    }

    public void reportScheduled(Pod pod, String node) {
        event(pod, "Normal", "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + " to " + node);
    }

    private void event(Pod pod, String type, String reason, String message) {
        var meta = pod.getMetadata();
        String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Event event = new EventBuilder().withNewMetadata()
                .withName(meta.getName() + "." + Long.toHexString(System.nanoTime()))
                .withNamespace(meta.getNamespace()).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace(meta.getNamespace())
                .withName(meta.getName()).withUid(meta.getUid()).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(now).withLastTimestamp(now)
                .withNewSource().withComponent("berth-scheduler").endSource().build();
        api.post("/api/v1/namespaces/" + meta.getNamespace() + "/events", event)
                .whenComplete((status, e) -> logUnexpected("event for", pod, status, e));
    }

    private static void logUnexpected(String what, Pod pod, Integer status, Throwable e) {
        if (e != null || status >= 300 && status != 404) {
            log.debug("Could not write the {} {}/{}: {}", what, pod.getMetadata().getNamespace(),
                    pod.getMetadata().getName(), e != null ? e.getMessage() : "HTTP " + status);
        }
    }

    private static String path(Pod pod) {
        return "/api/v1/namespaces/" + pod.getMetadata().getNamespace() + "/pods/" + pod.getMetadata().getName();
    }
}
