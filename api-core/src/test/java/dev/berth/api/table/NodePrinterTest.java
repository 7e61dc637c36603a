package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NodePrinterTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @ParameterizedTest(name = "ready={0} unschedulable={1} -> {2}")
    @CsvSource({
            "True, false, Ready",
            "False, false, NotReady",
            "Unknown, false, NotReady",
            ", false, Unknown",
            "True, true, 'Ready,SchedulingDisabled'",
            "False, true, 'NotReady,SchedulingDisabled'",
            ", true, 'Unknown,SchedulingDisabled'",
    })
    void status(String ready, boolean unschedulable, String expected) {
        NodeBuilder node = new NodeBuilder().withNewMetadata().withName("n").endMetadata()
                .withNewSpec().withUnschedulable(unschedulable).endSpec()
                .withNewStatus().addNewCondition().withType("MemoryPressure").withStatus("False").endCondition().endStatus();
        if (ready != null) {
            node.editStatus().addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus();
        }
        assertThat(NodePrinter.status(node.build())).isEqualTo(expected);
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                arguments(Map.of(), "<none>"),
                arguments(Map.of("kubernetes.io/hostname", "n1"), "<none>"),
                arguments(Map.of("node-role.kubernetes.io/control-plane", ""), "control-plane"),
                arguments(Map.of("node-role.kubernetes.io/worker", "", "node-role.kubernetes.io/control-plane", "true"),
                        "control-plane,worker"),
                arguments(Map.of("node-role.kubernetes.io/", ""), "<none>"),
                arguments(Map.of("kubernetes.io/role", "master"), "master"),
                arguments(Map.of("kubernetes.io/role", "master", "node-role.kubernetes.io/master", ""), "master"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void roles(Map<String, String> labels, String expected) {
        assertThat(NodePrinter.roles(labels)).isEqualTo(expected);
    }

    @Test
    void cells() {
        Node node = new NodeBuilder()
                .withNewMetadata().withName("node-1").withCreationTimestamp("2024-04-26T12:00:00Z")
                .addToLabels("node-role.kubernetes.io/worker", "").endMetadata()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewAddress().withType("Hostname").withAddress("node-1").endAddress()
                .addNewAddress().withType("InternalIP").withAddress("10.0.0.1").endAddress()
                .withNewNodeInfo().withKubeletVersion("v1.32.0-berth").withOsImage("Debian GNU/Linux 12 (bookworm)")
                .withKernelVersion("6.1.0").endNodeInfo()
                .endStatus().build();
        assertThat(new NodePrinter().cells(node, NOW)).containsExactly(
                "node-1", "Ready", "worker", "5d", "v1.32.0-berth",
                "10.0.0.1", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.1.0", "<unknown>");
    }
}
