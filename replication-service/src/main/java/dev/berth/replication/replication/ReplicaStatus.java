package dev.berth.replication.replication;

import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatusBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A controller's status computed from the active pods it owns. */
final class ReplicaStatus {

    private ReplicaStatus() {
    }

    static ReplicationControllerStatus of(ReplicationController rc, List<Pod> active, Instant now) {
        Map<String, String> templateLabels = rc.getSpec().getTemplate() == null
                || rc.getSpec().getTemplate().getMetadata() == null
                ? Map.of() : rc.getSpec().getTemplate().getMetadata().getLabels();
        int minReady = rc.getSpec().getMinReadySeconds() == null ? 0 : rc.getSpec().getMinReadySeconds();
        int fullyLabeled = (int) active.stream()
                .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(templateLabels.entrySet())).count();
        int ready = (int) active.stream().filter(Pods::isReady).count();
        int available = (int) active.stream().filter(p -> isAvailable(p, minReady, now)).count();
        return new ReplicationControllerStatusBuilder()
                .withReplicas(active.size())
                .withFullyLabeledReplicas(fullyLabeled)
                .withReadyReplicas(ready)
                .withAvailableReplicas(available)
                .withObservedGeneration(rc.getMetadata().getGeneration())
                .withConditions(rc.getStatus() == null ? List.of() : rc.getStatus().getConditions())
                .build();
    }

    /** Ready for at least {@code minReadySeconds}. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!Pods.isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        return readySince(pod).map(since -> !since.plusSeconds(minReadySeconds).isAfter(now)).orElse(false);
    }

    /** How long until a ready pod becomes available, if any is waiting for that. */
    static Optional<Duration> nextAvailable(ReplicationController rc, List<Pod> active, Instant now) {
        int minReady = rc.getSpec().getMinReadySeconds() == null ? 0 : rc.getSpec().getMinReadySeconds();
        return active.stream().filter(Pods::isReady).filter(p -> !isAvailable(p, minReady, now))
                .map(p -> readySince(p).map(s -> Duration.between(now, s.plusSeconds(minReady)))
                        .orElse(Duration.ofSeconds(1)))
                .min(Duration::compareTo);
    }

    static boolean same(ReplicationControllerStatus a, ReplicationControllerStatus b) {
        return b != null
                && Objects.equals(a.getReplicas(), b.getReplicas())
                && Objects.equals(a.getFullyLabeledReplicas(), b.getFullyLabeledReplicas())
                && Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
                && Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas())
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration());
    }

    private static Optional<Instant> readySince(Pod pod) {
        return Pods.readyCondition(pod).map(c -> c.getLastTransitionTime()).flatMap(t -> {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
