package dev.berth.replication.replication;

import dev.berth.replication.Cluster;
import dev.berth.replication.Fixtures;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The replication manager against real pod-service and replication-service processes. */
class ReplicationManagerTest {

    private static final Duration CONVERGE = Duration.ofSeconds(30);

    private final Cluster cluster = Cluster.shared();
    private final KubernetesClient core = cluster.core;
    private final KubernetesClient rcs = cluster.rcs;

    private List<Pod> pods(String app) {
        return core.pods().inNamespace("default").withLabel("app", app).list().getItems();
    }

    private List<Pod> activePods(String app) {
        return pods(app).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private ReplicationController create(String name, int replicas) {
        return rcs.replicationControllers().resource(Fixtures.rc(name, replicas, Map.of("app", name))).create();
    }

    private void scale(String name, int replicas) {
        rcs.replicationControllers().withName(name).scale(replicas);
    }

    @Test
    void createsOwnedPodsScalesUpAndDownAndReportsStatus() {
        ReplicationController rc = create("scale-me", 2);
        await().atMost(CONVERGE).until(() -> activePods("scale-me").size() == 2);
        Pod pod = pods("scale-me").get(0);
        assertThat(pod.getMetadata().getName()).startsWith("scale-me-");
        OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getKind()).isEqualTo("ReplicationController");
        assertThat(owner.getUid()).isEqualTo(rc.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
        assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1.36");

        scale("scale-me", 5);
        await().atMost(CONVERGE).until(() -> activePods("scale-me").size() == 5);
        scale("scale-me", 1);
        await().atMost(CONVERGE).until(() -> activePods("scale-me").size() == 1);
        await().atMost(CONVERGE).untilAsserted(() -> {
            ReplicationController now = rcs.replicationControllers().withName("scale-me").get();
            assertThat(now.getStatus().getReplicas()).isEqualTo(1);
            assertThat(now.getStatus().getObservedGeneration()).isEqualTo(now.getMetadata().getGeneration());
        });
    }

    @Test
    void readyPodsAreCountedAndADeletedPodIsReplacedEveryTime() {
        create("replace-me", 2);
        await().atMost(CONVERGE).until(() -> activePods("replace-me").size() == 2);
        activePods("replace-me").forEach(p -> Fixtures.report(core, p, true, "127.0.0.2", Map.of()));
        await().atMost(CONVERGE).until(() -> rcs.replicationControllers().withName("replace-me").get()
                .getStatus().getReadyReplicas() == 2);

        for (int round = 0; round < 5; round++) {
            String victim = activePods("replace-me").get(0).getMetadata().getName();
            core.pods().withName(victim).delete();
            await().atMost(CONVERGE).until(() -> {
                List<Pod> active = activePods("replace-me");
                return active.size() == 2 && active.stream().noneMatch(p -> p.getMetadata().getName().equals(victim));
            });
        }
        // A pod whose containers failed for good (phase Failed) no longer counts: it is replaced too.
        Pod failed = activePods("replace-me").get(0);
        core.pods().resource(new io.fabric8.kubernetes.api.model.PodBuilder(failed).editOrNewStatus()
                .withPhase("Failed").endStatus().build()).updateStatus();
        await().atMost(CONVERGE).until(() -> activePods("replace-me").stream()
                .filter(p -> !"Failed".equals(p.getStatus().getPhase())).count() == 2);
        assertThat(activePods("replace-me")).hasSize(3);
    }

    @Test
    void fiftyParallelScaleChangesConvergeWithoutDuplicates() throws Exception {
        create("storm", 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> changes = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int replicas = (i * 7) % 11;
                changes.add(pool.submit(() -> scale("storm", replicas)));
            }
            for (Future<?> change : changes) {
                change.get();
            }
        } finally {
            pool.shutdown();
        }
        scale("storm", 6);
        await().atMost(CONVERGE).until(() -> activePods("storm").size() == 6);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> activePods("storm").size() == 6);
        await().atMost(CONVERGE).until(() -> rcs.replicationControllers().withName("storm").get()
                .getStatus().getReplicas() == 6);
    }

    @Test
    void adoptsMatchingOrphansAndReleasesPodsThatStopMatching() {
        core.pods().resource(Fixtures.pod("orphan-1", Map.of("app", "adopter"))).create();
        ReplicationController rc = create("adopter", 2);
        await().atMost(CONVERGE).until(() -> activePods("adopter").size() == 2);
        Pod adopted = core.pods().withName("orphan-1").get();
        assertThat(adopted.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly(rc.getMetadata().getUid());

        core.pods().withName("orphan-1").edit(p -> {
            p.getMetadata().getLabels().put("app", "elsewhere");
            return p;
        });
        await().atMost(CONVERGE).until(() -> core.pods().withName("orphan-1").get()
                .getMetadata().getOwnerReferences().isEmpty());
        await().atMost(CONVERGE).until(() -> activePods("adopter").size() == 2);
    }

    @Test
    void deletingAControllerDeletesItsPodsUnlessOrphaned() {
        create("cascade", 2);
        create("keep-pods", 2);
        create("foreground", 2);
        await().atMost(CONVERGE).until(() -> activePods("cascade").size() == 2 && activePods("keep-pods").size() == 2
                && activePods("foreground").size() == 2);

        // Foreground: the controller stays (terminating) until its pods are gone.
        rcs.replicationControllers().withName("foreground").withPropagationPolicy(
                io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND).delete();
        await().atMost(CONVERGE).until(() -> rcs.replicationControllers().withName("foreground").get() == null);
        assertThat(pods("foreground")).isEmpty();

        rcs.replicationControllers().withName("cascade").delete();
        await().atMost(CONVERGE).until(() -> pods("cascade").isEmpty());

        rcs.replicationControllers().withName("keep-pods").withPropagationPolicy(
                io.fabric8.kubernetes.api.model.DeletionPropagation.ORPHAN).delete();
        await().atMost(CONVERGE).until(() -> rcs.replicationControllers().withName("keep-pods").get() == null);
        assertThat(activePods("keep-pods")).hasSize(2)
                .allSatisfy(p -> assertThat(p.getMetadata().getOwnerReferences()).isEmpty());
    }
}
