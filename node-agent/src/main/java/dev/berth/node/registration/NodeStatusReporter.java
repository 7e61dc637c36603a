package dev.berth.node.registration;

import dev.berth.node.NodeAgentProperties;
import dev.berth.node.runtime.ContainerRuntime;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Registers this node and renews its {@code Ready} condition every heartbeat; {@code Ready=False} with reason
 * {@code ContainerRuntimeUnreachable} while the Docker engine does not answer.
 */
@Component
class NodeStatusReporter {

    private static final Logger log = LoggerFactory.getLogger(NodeStatusReporter.class);

    private final KubernetesClient client;
    private final ContainerRuntime runtime;
    private final NodeAgentProperties properties;
    private final Clock clock;
    private final Environment environment;

    NodeStatusReporter(KubernetesClient client, ContainerRuntime runtime, NodeAgentProperties properties, Clock clock,
                       Environment environment) {
        this.environment = environment;
        this.client = client;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${berth.node.heartbeat-interval}")
    void heartbeat() {
        try {
            report();
        } catch (KubernetesClientException e) {
            log.warn("Could not report node status: {}", e.getMessage());
        }
    }

    private void report() {
        String version;
        NodeCondition ready;
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        try {
            version = runtime.version();
            ready = condition("True", "KubeletReady", "node-agent is posting ready status", now);
        } catch (RuntimeException e) {
            version = "docker://unreachable";
            ready = condition("False", "ContainerRuntimeUnreachable", "the Docker engine does not answer: "
                    + e.getMessage(), now);
        }
        Node existing = client.nodes().withName(properties.nodeName()).get();
        if (existing == null) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(properties.nodeName())
                    .withLabels(Map.of("kubernetes.io/hostname", properties.nodeName())).endMetadata().build())
                    .create();
        }
        String runtimeVersion = version;
        NodeCondition readyCondition = ready;
        client.nodes().withName(properties.nodeName()).editStatus(node -> {
            Map<String, Quantity> capacity = capacity();
            NodeCondition previous = node.getStatus() == null ? null : node.getStatus().getConditions().stream()
                    .filter(c -> c.getType().equals("Ready")).findFirst().orElse(null);
            if (previous != null && previous.getStatus().equals(readyCondition.getStatus())) {
                readyCondition.setLastTransitionTime(previous.getLastTransitionTime());
            }
            return new NodeBuilder(node).editOrNewStatus()
                    .withCapacity(capacity).withAllocatable(capacity)
                    .withConditions(List.of(readyCondition))
                    .withAddresses(List.of(
                            new io.fabric8.kubernetes.api.model.NodeAddress(properties.address(), "InternalIP"),
                            new io.fabric8.kubernetes.api.model.NodeAddress(properties.nodeName(), "Hostname")))
                    .editOrNewDaemonEndpoints().editOrNewKubeletEndpoint().withPort(logsPort()).endKubeletEndpoint()
                    .endDaemonEndpoints()
                    .editOrNewNodeInfo().withContainerRuntimeVersion(runtimeVersion)
                    .withKubeletVersion("v1.32.0-berth").withOperatingSystem("linux")
                    .withArchitecture(System.getProperty("os.arch")).endNodeInfo()
                    .endStatus().build();
        });
    }

    /** Where pod-service reaches this agent for {@code kubectl logs}: the port it actually listens on. */
    private int logsPort() {
        return environment.getProperty("local.server.port", Integer.class, 10250);
    }

    private Map<String, Quantity> capacity() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Map.of("cpu", new Quantity(Integer.toString(Runtime.getRuntime().availableProcessors())),
                "memory", new Quantity(memory / 1024 + "Ki"),
                "pods", new Quantity(Integer.toString(properties.maxPods())));
    }

    private static NodeCondition condition(String status, String reason, String message, String now) {
        return new NodeConditionBuilder().withType("Ready").withStatus(status).withReason(reason)
                .withMessage(message).withLastHeartbeatTime(now).withLastTransitionTime(now).build();
    }
}
