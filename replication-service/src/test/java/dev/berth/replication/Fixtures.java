package dev.berth.replication;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Builders for test objects, and the node-agent's part (status, published ports) done by hand. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ReplicationController rc(String name, int replicas, Map<String, String> labels) {
        return new ReplicationControllerBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(labels)
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("busybox:1.36")
                .addNewPort().withName("http").withContainerPort(80).endPort()
                .endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    public static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("busybox:1.36")
                .addNewPort().withName("http").withContainerPort(80).endPort().endContainer().endSpec().build();
    }

    /** What a node-agent reports for a running pod: phase, readiness, host address and published ports. */
    public static Pod report(KubernetesClient core, Pod pod, boolean ready, String hostIP, Map<String, Integer> published) {
        Pod current = core.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get();
        if (!published.isEmpty()) {
            current = core.pods().inNamespace(current.getMetadata().getNamespace()).withName(current.getMetadata().getName())
                    .edit(p -> new PodBuilder(p).editMetadata().addToAnnotations("berth.dev/published-ports",
                            toJson(published)).endMetadata().build());
        }
        Pod withStatus = new PodBuilder(current).editOrNewStatus().withPhase("Running").withHostIP(hostIP)
                .withConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                        .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build()))
                .endStatus().build();
        return core.pods().inNamespace(current.getMetadata().getNamespace()).resource(withStatus).updateStatus();
    }

    private static String toJson(Map<String, Integer> published) {
        StringBuilder json = new StringBuilder("{");
        published.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }
}
