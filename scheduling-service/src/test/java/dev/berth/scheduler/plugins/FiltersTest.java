package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.Fixtures;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every filter as a table: plugin, pod, node (with pods already on it), expected reason or null for fits. */
class FiltersTest {

    private static PodBuilder pod(String cpu, String memory) {
        return Fixtures.pod("p", cpu, memory);
    }

    private static PodBuilder withHostPort(PodBuilder pod, String ip, int port) {
        return pod.editSpec().editFirstContainer().addNewPort().withContainerPort(80).withHostIP(ip)
                .withHostPort(port).endPort().endContainer().endSpec();
    }

    private static NodeInfo node(Node node, PodBuilder... pods) {
        NodeInfo info = NodeInfo.of(node);
        for (int i = 0; i < pods.length; i++) {
            info.addPod(PodInfo.of(pods[i].editMetadata().withName("existing-" + i).endMetadata().build()));
        }
        return info;
    }

    private static NodeBuilder small() {
        return Fixtures.node("n", "1", "1Gi", 3);
    }

    private static NodeBuilder tainted(String key, String value, String effect) {
        return small().editSpec().addToTaints(new TaintBuilder().withKey(key).withValue(value).withEffect(effect)
                .build()).endSpec();
    }

    private static PodBuilder tolerating(String key, String operator, String value, String effect) {
        return pod(null, null).editSpec().addToTolerations(new TolerationBuilder().withKey(key)
                .withOperator(operator).withValue(value).withEffect(effect).build()).endSpec();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("ready node", new NodeReady(), pod(null, null), node(small().build()), null),
                arguments("not ready", new NodeReady(), pod(null, null), node(small().editStatus()
                        .editFirstCondition().withStatus("False").endCondition().endStatus().build()),
                        "node(s) were not ready"),
                arguments("no Ready condition", new NodeReady(), pod(null, null),
                        node(small().editStatus().withConditions().endStatus().build()), "node(s) were not ready"),
                arguments("cordoned", new NodeReady(), pod(null, null),
                        node(small().editSpec().withUnschedulable(true).endSpec().build()), "node(s) were unschedulable"),

                arguments("fits exactly", new ResourcesFit(), pod("500m", "512Mi"),
                        node(small().build(), pod("500m", "512Mi")), null),
                arguments("cpu short", new ResourcesFit(), pod("600m", "1Mi"),
                        node(small().build(), pod("500m", null)), "Insufficient cpu"),
                arguments("memory short", new ResourcesFit(), pod("1m", "600Mi"),
                        node(small().build(), pod(null, "512Mi")), "Insufficient memory"),
                arguments("pods full", new ResourcesFit(), pod(null, null),
                        node(small().build(), pod(null, null), pod(null, null), pod(null, null)), "Too many pods"),
                arguments("best effort on a full-cpu node", new ResourcesFit(), pod(null, null),
                        node(small().build(), pod("1", null)), null),

                arguments("port free", new HostPortsFree(), withHostPort(pod(null, null), "", 8080),
                        node(small().build(), withHostPort(pod(null, null), "", 8081)), null),
                arguments("port taken", new HostPortsFree(), withHostPort(pod(null, null), "", 8080),
                        node(small().build(), withHostPort(pod(null, null), "", 8080)),
                        "node(s) didn't have free ports for the requested pod ports"),
                arguments("port on another address", new HostPortsFree(), withHostPort(pod(null, null), "127.0.0.2", 8080),
                        node(small().build(), withHostPort(pod(null, null), "127.0.0.3", 8080)), null),

                arguments("selector matches", new NodeSelectorMatch(),
                        pod(null, null).editSpec().addToNodeSelector("disk", "ssd").endSpec(),
                        node(small().editMetadata().addToLabels("disk", "ssd").endMetadata().build()), null),
                arguments("selector value differs", new NodeSelectorMatch(),
                        pod(null, null).editSpec().addToNodeSelector("disk", "ssd").endSpec(),
                        node(small().editMetadata().addToLabels("disk", "hdd").endMetadata().build()),
                        "node(s) didn't match Pod's node affinity/selector"),
                arguments("selector label missing", new NodeSelectorMatch(),
                        pod(null, null).editSpec().addToNodeSelector("disk", "ssd").endSpec(), node(small().build()),
                        "node(s) didn't match Pod's node affinity/selector"),

                arguments("no pinning", new NodeNamePinned(), pod(null, null), node(small().build()), null),
                arguments("pinned here", new NodeNamePinned(), pod(null, null).editSpec().withNodeName("n").endSpec(),
                        node(small().build()), null),
                arguments("pinned elsewhere", new NodeNamePinned(), pod(null, null).editSpec().withNodeName("m").endSpec(),
                        node(small().build()), "node(s) didn't match the requested node name"),

                arguments("untolerated NoSchedule", new TaintsTolerated(), pod(null, null),
                        node(tainted("dedicated", "gpu", "NoSchedule").build()),
                        "node(s) had untolerated taint {dedicated: gpu}"),
                arguments("untolerated NoExecute", new TaintsTolerated(), pod(null, null),
                        node(tainted("broken", null, "NoExecute").build()), "node(s) had untolerated taint {broken}"),
                arguments("PreferNoSchedule does not filter", new TaintsTolerated(), pod(null, null),
                        node(tainted("dedicated", "gpu", "PreferNoSchedule").build()), null),
                arguments("Equal toleration", new TaintsTolerated(), tolerating("dedicated", "Equal", "gpu", "NoSchedule"),
                        node(tainted("dedicated", "gpu", "NoSchedule").build()), null),
                arguments("Equal toleration, other value", new TaintsTolerated(),
                        tolerating("dedicated", "Equal", "cpu", "NoSchedule"),
                        node(tainted("dedicated", "gpu", "NoSchedule").build()),
                        "node(s) had untolerated taint {dedicated: gpu}"),
                arguments("Exists toleration, any effect", new TaintsTolerated(), tolerating("dedicated", "Exists", null, null),
                        node(tainted("dedicated", "gpu", "NoSchedule").build()), null),
                arguments("toleration for another effect", new TaintsTolerated(),
                        tolerating("dedicated", "Exists", null, "NoExecute"),
                        node(tainted("dedicated", "gpu", "NoSchedule").build()),
                        "node(s) had untolerated taint {dedicated: gpu}"),
                arguments("empty key Exists tolerates all", new TaintsTolerated(), tolerating(null, "Exists", null, null),
                        node(tainted("anything", "x", "NoSchedule").build()), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, FilterPlugin plugin, PodBuilder pod, NodeInfo node, String reason) {
        FilterStatus status = plugin.filter(PodInfo.of(pod.build()), node);
        assertThat(status.reason()).isEqualTo(reason);
    }
}
