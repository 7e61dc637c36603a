package dev.berth.node.events;

import dev.berth.node.NodeAgentProperties;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records what the agent did to a pod as core/v1 Events (what {@code kubectl describe pod} shows). Writes are
 * asynchronous so a slow API never delays containers, and an identical event is recorded once per
 * {@link #REPEAT_WINDOW}, so a container in back-off does not flood the API.
 */
@Component
public class EventRecorder implements AutoCloseable {

    static final Duration REPEAT_WINDOW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final NodeAgentProperties properties;
    private final Clock clock;
    private final Map<String, Instant> recent = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "berth-events");
        thread.setDaemon(true);
        return thread;
    });

    EventRecorder(KubernetesClient client, NodeAgentProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    public void normal(Pod pod, String reason, String message) {
        record(pod, "Normal", reason, message);
    }

    public void warning(Pod pod, String reason, String message) {
        record(pod, "Warning", reason, message);
    }

    private void record(Pod pod, String type, String reason, String message) {
        Instant now = clock.instant();
        String key = pod.getMetadata().getUid() + "|" + reason + "|" + message;
        Instant last = recent.get(key);
        if (last != null && last.plus(REPEAT_WINDOW).isAfter(now)) {
            return;
        }
        recent.put(key, now);
        recent.values().removeIf(at -> at.plus(REPEAT_WINDOW).isBefore(now));
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        var event = new EventBuilder().withNewMetadata()
                .withName(pod.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13))
                .withNamespace(pod.getMetadata().getNamespace()).endMetadata()
                .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName(pod.getMetadata().getName())
                .withNamespace(pod.getMetadata().getNamespace()).withUid(pod.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent("node-agent").withHost(properties.nodeName()).endSource()
                .withReportingComponent("node-agent").withReportingInstance(properties.nodeName())
                .withFirstTimestamp(time).withLastTimestamp(time).withCount(1)
                .build();
        writer.execute(() -> {
            try {
                client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(event).create();
            } catch (RuntimeException e) {
                log.debug("Could not record event {} for pod {}: {}", reason, pod.getMetadata().getName(),
                        e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
