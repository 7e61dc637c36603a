package dev.berth.replication.replication;

import dev.berth.replication.loop.Reconciler;
import dev.berth.replication.objects.Finalizers;
import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the number of active pods each replication controller selects equal to {@code spec.replicas}
 * (Kubernetes' ReplicationManager): claims pods (adopting matching orphans, releasing pods that stopped
 * matching), creates or deletes the difference (at most {@code burst} per sync), and writes the status.
 * A controller being deleted has its pods orphaned or deleted first, as its finalizer asks; pods whose
 * controller is gone are deleted (background cascading deletion).
 */
final class ReplicationManager implements Reconciler {

    private final Indexer<ReplicationController> controllers;
    private final Indexer<Pod> pods;
    private final PodControl podControl;
    private final ControllerWrites writes;
    private final Expectations expectations;
    private final int burst;
    private final Clock clock;

    ReplicationManager(Indexer<ReplicationController> controllers, Indexer<Pod> pods, PodControl podControl,
                       ControllerWrites writes, Expectations expectations, int burst, Clock clock) {
        this.controllers = controllers;
        this.pods = pods;
        this.podControl = podControl;
        this.writes = writes;
        this.expectations = expectations;
        this.burst = burst;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String key) {
        ReplicationController rc = controllers.getByKey(key);
        if (rc == null) {
            expectations.forget(key);
            collectGarbage(key);
            return Result.DONE;
        }
        List<Pod> inNamespace = pods.byIndex(Cache.NAMESPACE_INDEX, rc.getMetadata().getNamespace());
        if (Pods.isTerminating(rc)) {
            return finishDeletion(rc, inNamespace);
        }
        Claims claims = Claims.of(rc, inNamespace);
        Failures failures = new Failures();
        List<Pod> owned = new ArrayList<>(claims.owned());
        for (Pod pod : claims.adopt()) {
            failures.run(() -> podControl.setController(pod, controllerRef(rc)));
            owned.add(pod);
        }
        for (Pod pod : claims.release()) {
            failures.run(() -> podControl.setController(pod, null));
        }
        List<Pod> active = owned.stream().filter(Pods::isActive).toList();
        int remaining = 0;
        if (expectations.satisfied(key) && failures.none()) {
            ReplicaPlan plan = ReplicaPlan.of(rc.getSpec().getReplicas(), active, burst);
            apply(key, rc, plan, failures);
            remaining = plan.remaining();
        }
        ReplicationControllerStatus status = ReplicaStatus.of(rc, active, clock.instant());
        if (!ReplicaStatus.same(status, rc.getStatus())) {
            failures.run(() -> writes.updateStatus(rc, status));
        }
        failures.throwIfAny(key);
        if (remaining > 0) {
            return Result.requeueAfter(Duration.ZERO);
        }
        Optional<Duration> available = ReplicaStatus.nextAvailable(rc, active, clock.instant());
        return available.map(Result::requeueAfter).orElse(Result.DONE);
    }

    /**
     * Expectations are set before acting, so pod events that arrive meanwhile are counted against them. A
     * call that certainly did not happen lowers them at once; one without an answer (a timeout) does not,
     * since its pod may still appear: the manager then waits for the cache, or for the expectations to
     * expire, rather than risk a duplicate.
     */
    private void apply(String key, ReplicationController rc, ReplicaPlan plan, Failures failures) {
        String namespace = rc.getMetadata().getNamespace();
        if (plan.create() == 0 && plan.delete().isEmpty()) {
            return;
        }
        expectations.expect(key, plan.create(), plan.delete().stream().map(Pods::key).toList());
        for (int i = 0; i < plan.create(); i++) {
            Pod pod = PodTemplates.podFor(rc, controllerRef(rc));
            RuntimeException failure = failures.run(() -> podControl.create(namespace, pod));
            if (failure != null && Failures.certainlyNotDone(failure)) {
                expectations.creationObserved(key);
            }
        }
        for (Pod pod : plan.delete()) {
            RuntimeException failure = failures.run(() -> podControl.delete(namespace, pod.getMetadata().getName()));
            if (failure != null && Failures.certainlyNotDone(failure)) {
                expectations.deletionObserved(key, Pods.key(pod));
            }
        }
    }

    private Result finishDeletion(ReplicationController rc, List<Pod> inNamespace) {
        List<String> finalizers = rc.getMetadata().getFinalizers();
        List<Pod> dependents = inNamespace.stream().filter(p -> ownedBy(p, rc.getMetadata().getUid())).toList();
        Failures failures = new Failures();
        if (finalizers.contains(Finalizers.ORPHAN)) {
            dependents.stream().filter(p -> !Pods.isTerminating(p))
                    .forEach(p -> failures.run(() -> podControl.setController(p, null)));
            failures.throwIfAny(Pods.key(rc));
            writes.removeFinalizer(rc, Finalizers.ORPHAN);
        } else if (finalizers.contains(Finalizers.FOREGROUND)) {
            dependents.stream().filter(p -> !Pods.isTerminating(p))
                    .forEach(p -> failures.run(() -> podControl.delete(p.getMetadata().getNamespace(),
                            p.getMetadata().getName())));
            failures.throwIfAny(Pods.key(rc));
            if (!dependents.isEmpty()) {
                // Foreground deletion waits until the pods are gone; their deletions show up in the cache.
                return Result.requeueAfter(Duration.ofSeconds(1));
            }
            writes.removeFinalizer(rc, Finalizers.FOREGROUND);
        }
        return Result.DONE;
    }

    /**
     * Deletes the pods of a controller no longer in the cache, once the API confirms it is gone (or was
     * replaced by another of the same name): a lagging cache must not cost a new controller its pods.
     */
    private void collectGarbage(String key) {
        String namespace = key.substring(0, key.indexOf('/'));
        String name = key.substring(key.indexOf('/') + 1);
        List<Pod> dependents = pods.byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                .filter(p -> Pods.controllerOf(p).filter(r -> isControllerNamed(r, name)).isPresent())
                .filter(p -> !Pods.isTerminating(p))
                .toList();
        if (dependents.isEmpty()) {
            return;
        }
        Optional<String> live = writes.liveUid(namespace, name);
        Failures failures = new Failures();
        for (Pod pod : dependents) {
            if (live.isEmpty() || !live.get().equals(Pods.controllerOf(pod).orElseThrow().getUid())) {
                failures.run(() -> podControl.delete(namespace, pod.getMetadata().getName()));
            }
        }
        failures.throwIfAny(key);
    }

    private static boolean isControllerNamed(OwnerReference ref, String name) {
        return "ReplicationController".equals(ref.getKind()) && name.equals(ref.getName());
    }

    private static boolean ownedBy(Pod pod, String uid) {
        return Pods.controllerOf(pod).map(r -> uid.equals(r.getUid())).orElse(false);
    }

    static OwnerReference controllerRef(ReplicationController rc) {
        return new OwnerReferenceBuilder().withApiVersion("v1").withKind("ReplicationController")
                .withName(rc.getMetadata().getName()).withUid(rc.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }
}
