package dev.berth.scheduler.queue;

import dev.berth.scheduler.framework.Fixtures;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingQueueTest {

    private final AtomicLong now = new AtomicLong();
    private final SchedulingQueue queue = new SchedulingQueue(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(60), now::get);

    private static Pod pod(String name, Integer priority, String created) {
        return Fixtures.pod(name, null, null).editMetadata().withCreationTimestamp(created).endMetadata()
                .editSpec().withPriority(priority).endSpec().build();
    }

    private String popName() throws InterruptedException {
        return queue.pop().pod().getMetadata().getName();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void higherPriorityFirstThenOlder() throws InterruptedException {
        queue.add(pod("young", 0, "2026-01-01T00:00:02Z"));
        queue.add(pod("old", 0, "2026-01-01T00:00:01Z"));
        queue.add(pod("urgent", 100, "2026-01-01T00:00:03Z"));
        queue.add(pod("no-priority", null, "2026-01-01T00:00:00Z"));
        assertThat(popName()).isEqualTo("urgent");
        assertThat(popName()).isEqualTo("no-priority");
        assertThat(popName()).isEqualTo("old");
        assertThat(popName()).isEqualTo("young");
    }

    @ParameterizedTest(name = "attempt {0} waits {1} ms")
    @CsvSource({"1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 10000", "40, 10000"})
    void backOffDoublesUpToTheCap(int attempts, long millis) {
        assertThat(queue.backoff(attempts)).isEqualTo(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void anUnschedulablePodWaitsForAClusterChangeAndItsBackOff() throws InterruptedException {
        queue.add(pod("big", 0, "2026-01-01T00:00:00Z"));
        assertThat(popName()).isEqualTo("big");
        queue.unschedulable("default/big");
        assertThat(queue.unschedulableSize()).isEqualTo(1);

        advance(Duration.ofSeconds(5));   // back-off over, but nothing changed: it stays
        queue.add(pod("other", 0, "2026-01-01T00:00:01Z"));
        assertThat(popName()).isEqualTo("other");
        assertThat(queue.unschedulableSize()).isEqualTo(1);

        queue.clusterChanged();
        assertThat(queue.activeSize()).isEqualTo(1);
        assertThat(popName()).isEqualTo("big");
    }

    @Test
    void aClusterChangeDuringBackOffWaitsForTheBackOff() throws InterruptedException {
        queue.add(pod("big", 0, "2026-01-01T00:00:00Z"));
        popName();
        queue.unschedulable("default/big");
        queue.clusterChanged();
        assertThat(queue.backoffSize()).isEqualTo(1);
        advance(Duration.ofMillis(1001));
        assertThat(popName()).isEqualTo("big");
    }

    @Test
    void aClusterChangeDuringTheAttemptIsNotMissed() throws InterruptedException {
        queue.add(pod("big", 0, "2026-01-01T00:00:00Z"));
        popName();
        queue.clusterChanged();            // e.g. a node added while the pod was being filtered
        queue.unschedulable("default/big");
        assertThat(queue.unschedulableSize()).isZero();
        assertThat(queue.backoffSize()).isEqualTo(1);
    }

    @Test
    void unschedulablePodsAreRetriedAfterAWhileEvenWithoutChange() throws InterruptedException {
        queue.add(pod("big", 0, "2026-01-01T00:00:00Z"));
        popName();
        queue.unschedulable("default/big");
        advance(Duration.ofSeconds(61));
        assertThat(popName()).isEqualTo("big");
    }

    @Test
    void aSpecChangeRetriesButAStatusChangeDoesNot() throws InterruptedException {
        Pod pod = pod("big", 0, "2026-01-01T00:00:00Z");
        queue.add(pod);
        popName();
        queue.unschedulable("default/big");
        advance(Duration.ofSeconds(2));
        queue.add(new io.fabric8.kubernetes.api.model.PodBuilder(pod).withNewStatus().withPhase("Pending").endStatus().build());
        assertThat(queue.unschedulableSize()).isEqualTo(1);
        queue.add(new io.fabric8.kubernetes.api.model.PodBuilder(pod).editSpec().addToNodeSelector("a", "b").endSpec().build());
        assertThat(queue.unschedulableSize()).isZero();
        assertThat(queue.activeSize()).isEqualTo(1);
    }

    @Test
    void aDeletedPodLeavesEveryQueueAndAnUpdateWhileInFlightIsNotQueuedTwice() throws InterruptedException {
        Pod pod = pod("p", 0, "2026-01-01T00:00:00Z");
        queue.add(pod);
        popName();
        queue.add(pod);
        assertThat(queue.activeSize()).isZero();
        queue.delete("default/p");
        queue.unschedulable("default/p");
        assertThat(queue.unschedulableSize()).isZero();
    }
}
