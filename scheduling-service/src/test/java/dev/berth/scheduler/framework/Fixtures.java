package dev.berth.scheduler.framework;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Map;

/** Nodes and pods for the table tests, built with fabric8's builders. */
public final class Fixtures {

    private Fixtures() {
    }

    public static NodeBuilder node(String name, String cpu, String memory, int pods) {
        Map<String, Quantity> allocatable = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
                "pods", new Quantity(Integer.toString(pods)));
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
                .endMetadata().withNewSpec().endSpec().withNewStatus().withCapacity(allocatable)
                .withAllocatable(allocatable).addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus();
    }

    public static Node readyNode(String name) {
        return node(name, "4", "8Gi", 110).build();
    }

    /** A pod with one container requesting {@code cpu}/{@code memory} (null for none). */
    public static PodBuilder pod(String name, String cpu, String memory) {
        ContainerBuilder container = new ContainerBuilder().withName("main").withImage("busybox");
        if (cpu != null) {
            container.editOrNewResources().addToRequests("cpu", new Quantity(cpu)).endResources();
        }
        if (memory != null) {
            container.editOrNewResources().addToRequests("memory", new Quantity(memory)).endResources();
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withUid(name + "-uid")
                .endMetadata().withNewSpec().withContainers(container.build()).endSpec();
    }

    public static PodInfo info(Pod pod) {
        return PodInfo.of(pod);
    }

    public static PodInfo info(PodBuilder pod) {
        return PodInfo.of(pod.build());
    }
}
