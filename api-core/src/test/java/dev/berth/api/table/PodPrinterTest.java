package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodFluent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PodPrinterTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String CREATED = "2024-05-01T11:50:00Z";
    static final String FIVE_MIN_AGO = "2024-05-01T11:55:00Z";
    static final String HOUR_AGO = "2024-05-01T11:00:00Z";

    private final PodPrinter printer = new PodPrinter();

    static Stream<Arguments> pods() {
        return Stream.of(
                arguments("running and ready", pod("Running", 1).withContainerStatuses(running("app", true)),
                        "1/1", "Running", "0"),
                arguments("one of two ready", pod("Running", 2).withContainerStatuses(running("a", true), running("b", false)),
                        "1/2", "Running", "0"),
                arguments("pending, no statuses yet", pod("Pending", 1), "0/1", "Pending", "0"),
                arguments("creating", pod("Pending", 1).withContainerStatuses(waiting("app", "ContainerCreating", 0)),
                        "0/1", "ContainerCreating", "0"),
                arguments("image pull failing", pod("Pending", 1).withContainerStatuses(waiting("app", "ErrImagePull", 0)),
                        "0/1", "ErrImagePull", "0"),
                arguments("crash looping", pod("Running", 1).withContainerStatuses(crashLoop("app", 5, FIVE_MIN_AGO)),
                        "0/1", "CrashLoopBackOff", "5 (5m ago)"),
                arguments("restarts summed, latest termination wins",
                        pod("Running", 2).withContainerStatuses(crashLoop("a", 2, HOUR_AGO), crashLoop("b", 3, FIVE_MIN_AGO)),
                        "0/2", "CrashLoopBackOff", "5 (5m ago)"),
                arguments("restarted but no termination time", pod("Running", 1).withContainerStatuses(
                        new ContainerStatusBuilder(running("app", true)).withRestartCount(2).build()), "1/1", "Running", "2"),
                arguments("completed", pod("Succeeded", 1).withContainerStatuses(terminated("app", "Completed", 0, 0)),
                        "0/1", "Completed", "0"),
                arguments("error", pod("Failed", 1).withContainerStatuses(terminated("app", "Error", 1, 0)),
                        "0/1", "Error", "0"),
                arguments("exit code without reason", pod("Failed", 1).withContainerStatuses(terminated("app", null, 137, 0)),
                        "0/1", "ExitCode:137", "0"),
                arguments("signal without reason", pod("Failed", 1).withContainerStatuses(terminated("app", null, 0, 9)),
                        "0/1", "Signal:9", "0"),
                arguments("first container's reason wins", pod("Pending", 2).withContainerStatuses(
                        waiting("a", "ErrImagePull", 0), waiting("b", "ContainerCreating", 0)), "0/2", "ErrImagePull", "0"),
                arguments("completed sidecar-style container, another running and pod ready",
                        pod("Running", 2).withConditions(condition("Ready", "True"))
                                .withContainerStatuses(terminated("a", "Completed", 0, 0), running("b", true)),
                        "1/2", "Running", "0"),
                arguments("completed container, another running, pod not ready",
                        pod("Running", 2).withContainerStatuses(terminated("a", "Completed", 0, 0), running("b", true)),
                        "1/2", "NotReady", "0"),
                arguments("init container not started", pod("Pending", 1, "init").withInitContainerStatuses(
                        waiting("init", "PodInitializing", 0)).withContainerStatuses(waiting("app", "PodInitializing", 0)),
                        "0/1", "Init:0/1", "0"),
                arguments("second init container running", pod("Pending", 1, "init1", "init2").withInitContainerStatuses(
                        terminated("init1", "Completed", 0, 0), running("init2", false)), "0/1", "Init:1/2", "0"),
                arguments("init container image pull failing", pod("Pending", 1, "init").withInitContainerStatuses(
                        waiting("init", "ErrImagePull", 0)), "0/1", "Init:ErrImagePull", "0"),
                arguments("init container failed, restarts counted", pod("Pending", 1, "init").withInitContainerStatuses(
                        new ContainerStatusBuilder(terminated("init", "Error", 1, 0)).withRestartCount(3).build()),
                        "0/1", "Init:Error", "3"),
                arguments("init container crash looping", pod("Pending", 1, "init").withInitContainerStatuses(
                        crashLoop("init", 4, FIVE_MIN_AGO)), "0/1", "Init:CrashLoopBackOff", "4 (5m ago)"),
                arguments("init done, init restarts no longer count", pod("Running", 1, "init")
                        .withInitContainerStatuses(new ContainerStatusBuilder(terminated("init", "Completed", 0, 0))
                                .withRestartCount(2).build())
                        .withContainerStatuses(running("app", true)), "1/1", "Running", "0"),
                arguments("scheduling gated", pod("Pending", 1).withConditions(new PodConditionBuilder()
                        .withType("PodScheduled").withStatus("False").withReason("SchedulingGated").build()),
                        "0/1", "SchedulingGated", "0"),
                arguments("evicted: status reason", pod("Failed", 1).withReason("Evicted"), "0/1", "Evicted", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void readyStatusRestarts(String description, PodFluent<PodBuilder>.StatusNested<PodBuilder> pod, String ready, String status, String restarts) {
        List<Object> cells = printer.cells(pod.endStatus().build(), NOW);
        assertThat(cells.subList(1, 4)).containsExactly(ready, status, restarts);
    }

    static Stream<Arguments> deletions() {
        return Stream.of(
                arguments("running pod being deleted", "Running", null, "Terminating"),
                arguments("succeeded pod being deleted keeps its reason", "Succeeded", null, "Completed"),
                arguments("pod on a lost node", "Running", "NodeLost", "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletions")
    void deletion(String description, String phase, String reason, String expected) {
        var builder = new PodBuilder()
                .withNewMetadata().withName("p").withCreationTimestamp(CREATED).withDeletionTimestamp(FIVE_MIN_AGO).endMetadata()
                .withNewSpec().addNewContainer().withName("app").endContainer().endSpec()
                .withNewStatus().withPhase(phase).withReason(reason).endStatus();
        ContainerStatus status = "Succeeded".equals(phase) ? terminated("app", "Completed", 0, 0) : running("app", true);
        builder.editStatus().withContainerStatuses(status).endStatus();
        assertThat(printer.cells(builder.build(), NOW).get(2)).isEqualTo(expected);
    }

    @Test
    void sidecarCountsTowardsReady() {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName("p").withCreationTimestamp(CREATED).endMetadata()
                .withNewSpec()
                .addNewInitContainer().withName("proxy").withRestartPolicy("Always").endInitContainer()
                .addNewContainer().withName("app").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running")
                .withInitContainerStatuses(new ContainerStatusBuilder(running("proxy", true)).withStarted(true).build())
                .withContainerStatuses(running("app", true))
                .endStatus().build();
        assertThat(printer.cells(pod, NOW).subList(1, 4)).containsExactly("2/2", "Running", "0");
    }

    @Test
    void wideColumns() {
        Pod pod = pod("Running", 1).withContainerStatuses(running("app", true)).withPodIP("10.0.0.7").endStatus().build();
        pod.getSpec().setNodeName("node-1");
        assertThat(printer.cells(pod, NOW)).containsExactly(
                "p", "1/1", "Running", "0", "10m", "10.0.0.7", "node-1", "<none>", "<none>");
        assertThat(printer.columns()).extracting(TableColumn::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void readinessGates() {
        Pod pod = pod("Running", 1).withConditions(condition("example.com/lb", "True"), condition("example.com/dns", "False"))
                .endStatus().build();
        pod.getSpec().setReadinessGates(List.of(
                new io.fabric8.kubernetes.api.model.PodReadinessGate("example.com/lb"),
                new io.fabric8.kubernetes.api.model.PodReadinessGate("example.com/dns")));
        assertThat(printer.cells(pod, NOW).get(8)).isEqualTo("1/2");
    }

    /**
     * A pod with {@code containers} app containers and the named init containers, its status left open so each
     * case adds container statuses and conditions inline.
     */
    static PodFluent<PodBuilder>.StatusNested<PodBuilder> pod(
            String phase, int containers, String... initContainers) {
        var spec = new PodBuilder()
                .withNewMetadata().withName("p").withNamespace("default").withCreationTimestamp(CREATED).endMetadata()
                .withNewSpec();
        for (int i = 0; i < containers; i++) {
            spec.addNewContainer().withName("app" + i).withImage("busybox").endContainer();
        }
        for (String init : initContainers) {
            spec.addNewInitContainer().withName(init).withImage("busybox").endInitContainer();
        }
        return spec.endSpec().withNewStatus().withPhase(phase);
    }

    static ContainerStatus running(String name, boolean ready) {
        return new ContainerStatusBuilder().withName(name).withReady(ready).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(CREATED).endRunning().endState().build();
    }

    static ContainerStatus waiting(String name, String reason, int restarts) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(restarts)
                .withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
    }

    static ContainerStatus crashLoop(String name, int restarts, String lastFinished) {
        return new ContainerStatusBuilder(waiting(name, "CrashLoopBackOff", restarts))
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).withFinishedAt(lastFinished)
                .endTerminated().endLastState().build();
    }

    static ContainerStatus terminated(String name, String reason, int exitCode, int signal) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0)
                .withNewState().withNewTerminated().withReason(reason).withExitCode(exitCode)
                .withSignal(signal == 0 ? null : signal).endTerminated().endState().build();
    }

    static PodCondition condition(String type, String status) {
        return new PodConditionBuilder().withType(type).withStatus(status).build();
    }
}
