package dev.berth.node.sync;

import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PodActionsCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Container WEB = new ContainerBuilder().withName("web").withImage("busybox").build();
    private static final Container SIDECAR = new ContainerBuilder().withName("log").withImage("busybox").build();

    private static Pod pod(String restartPolicy, boolean deleting) {
        return new PodBuilder().withNewMetadata().withName("p").withUid("uid-1")
                .withDeletionTimestamp(deleting ? "2026-11-25T12:00:00Z" : null).endMetadata()
                .withNewSpec().withRestartPolicy(restartPolicy).withContainers(WEB, SIDECAR).endSpec().build();
    }

    private static RuntimeContainer container(String id, Container spec, RuntimeContainer.State state, int exitCode,
                                              int restarts, Instant finishedAt) {
        return new RuntimeContainer(id, id, spec.getImage(), Map.of(Labels.CONTAINER_NAME, spec.getName(),
                Labels.CONTAINER_HASH, PodActionsCalculator.hash(spec), Labels.RESTART_COUNT, Integer.toString(restarts)),
                state, exitCode, NOW.minusSeconds(600), finishedAt, List.of());
    }

    private static RuntimeContainer running(String id, Container spec) {
        return container(id, spec, RuntimeContainer.State.RUNNING, 0, 0, null);
    }

    @Test
    void aNewPodStartsEveryContainer() {
        PodActions actions = PodActionsCalculator.compute(pod("Always", false), List.of(), Set.of(), NOW);
        assertThat(actions.start()).extracting(PodActions.Start::name).containsExactly("web", "log");
        assertThat(actions.kill()).isEmpty();
    }

    @Test
    void aPodWhoseContainersRunNeedsNothing() {
        assertThat(PodActionsCalculator.compute(pod("Always", false),
                List.of(running("a", WEB), running("b", SIDECAR)), Set.of(), NOW).isEmpty()).isTrue();
    }

    /** An exited "web" container under each policy and exit code; finished long ago, so no back-off. */
    @ParameterizedTest(name = "{0}, exit {1} -> restart {2}")
    @CsvSource({"Always, 0, true", "Always, 1, true", "OnFailure, 0, false", "OnFailure, 137, true",
            "Never, 0, false", "Never, 1, false"})
    void exitedContainersRestartAsThePolicySays(String policy, int exitCode, boolean restarts) {
        PodActions actions = PodActionsCalculator.compute(pod(policy, false), List.of(
                container("a", WEB, RuntimeContainer.State.EXITED, exitCode, 2, NOW.minusSeconds(3600)),
                running("b", SIDECAR)), Set.of(), NOW);
        assertThat(actions.start()).extracting(PodActions.Start::name).isEqualTo(restarts ? List.of("web") : List.of());
        if (restarts) {
            assertThat(actions.start().get(0).restartCount()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "restarts={0}, finished {1}s ago -> wait={2}")
    @CsvSource({"0, 5, true", "0, 11, false", "1, 15, true", "1, 21, false", "3, 79, true", "3, 81, false",
            "9, 299, true", "9, 301, false", "20, 301, false"})
    void crashingContainersBackOffExponentiallyUpToFiveMinutes(int restarts, long secondsAgo, boolean waits) {
        PodActions actions = PodActionsCalculator.compute(pod("Always", false), List.of(
                container("a", WEB, RuntimeContainer.State.EXITED, 1, restarts, NOW.minusSeconds(secondsAgo)),
                running("b", SIDECAR)), Set.of(), NOW);
        assertThat(actions.backOff().containsKey("web")).isEqualTo(waits);
        assertThat(actions.start().isEmpty()).isEqualTo(waits);
    }

    @Test
    void aDeletedPodStopsItsRunningContainersAndStartsNothing() {
        PodActions actions = PodActionsCalculator.compute(pod("Always", true), List.of(running("a", WEB),
                container("b", SIDECAR, RuntimeContainer.State.EXITED, 0, 0, NOW)), Set.of(), NOW);
        assertThat(actions.kill()).containsOnlyKeys("a");
        assertThat(actions.start()).isEmpty();
    }

    @Test
    void aChangedSpecReplacesTheContainerAndOldAttemptsAreCleanedUp() {
        Container oldWeb = new ContainerBuilder(WEB).withImage("busybox:old").build();
        PodActions actions = PodActionsCalculator.compute(pod("Always", false), List.of(
                container("old", WEB, RuntimeContainer.State.EXITED, 1, 0, NOW.minusSeconds(900)),
                container("current", oldWeb, RuntimeContainer.State.RUNNING, 0, 1, null),
                running("b", SIDECAR)), Set.of(), NOW);
        assertThat(actions.kill()).containsOnlyKeys("current");
        assertThat(actions.start()).extracting(PodActions.Start::name, PodActions.Start::restartCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", 2));
        assertThat(actions.remove()).containsExactly("old");
    }

    @Test
    void containersNotInTheSpecAreStopped() {
        Container stray = new ContainerBuilder().withName("stray").withImage("busybox").build();
        PodActions actions = PodActionsCalculator.compute(pod("Always", false),
                List.of(running("a", WEB), running("b", SIDECAR), running("c", stray)), Set.of(), NOW);
        assertThat(actions.kill()).containsOnlyKeys("c");
    }

    @Test
    void aContainerThatFailedItsLivenessProbeIsStoppedAndRestartedLater() {
        PodActions actions = PodActionsCalculator.compute(pod("Always", false),
                List.of(running("a", WEB), running("b", SIDECAR)), Set.of("a"), NOW);
        assertThat(actions.kill()).containsOnlyKeys("a");
        assertThat(actions.start()).isEmpty();

        PodActions later = PodActionsCalculator.compute(pod("Always", false), List.of(
                container("a", WEB, RuntimeContainer.State.EXITED, 137, 0, NOW.minusSeconds(11)),
                running("b", SIDECAR)), Set.of(), NOW);
        assertThat(later.start()).extracting(PodActions.Start::name, PodActions.Start::restartCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", 1));
    }
}
