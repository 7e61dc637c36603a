package dev.berth.replication.nodes;

import dev.berth.replication.loop.Reconciler;
import dev.berth.replication.manager.ClusterInformers;
import dev.berth.replication.manager.ControllerProperties;
import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches node heartbeats (Kubernetes' node lifecycle controller): a node silent for longer than the grace
 * period becomes Ready=Unknown and its pods not ready; one not ready for longer than the eviction timeout
 * has its pods deleted, so their controllers replace them on other nodes, unless the {@link EvictionGate}
 * says too many nodes look dead at once. Pods already deleted whose grace ran out are removed for good,
 * since a dead node's agent will never confirm them.
 */
final class NodeLifecycleController implements Reconciler {

    private static final Logger log = LoggerFactory.getLogger(NodeLifecycleController.class);

    private final Indexer<Node> nodes;
    private final Indexer<Pod> pods;
    private final KubernetesClient api;
    private final ControllerProperties.Nodes properties;
    private final Clock clock;

    NodeLifecycleController(Indexer<Node> nodes, Indexer<Pod> pods, KubernetesClient api,
                            ControllerProperties.Nodes properties, Clock clock) {
        this.nodes = nodes;
        this.pods = pods;
        this.api = api;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String name) {
        Node node = nodes.getByKey(name);
        if (node == null) {
            return Result.DONE;
        }
        Instant now = clock.instant();
        switch (NodeVerdict.of(node, now, properties.gracePeriod(), properties.evictionTimeout())) {
            case MARK_UNKNOWN -> markUnknown(node, now);
            case EVICT -> evict(node, now);
            case HEALTHY, NOT_READY -> {
            }
        }
        return Result.DONE;
    }

    private void markUnknown(Node node, Instant now) {
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
        Node copy = new NodeBuilder(node).build();
        List<NodeCondition> conditions = new ArrayList<>(copy.getStatus() == null ? List.of() : copy.getStatus().getConditions());
        NodeCondition previous = conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
        conditions.remove(previous);
        conditions.add(new NodeConditionBuilder().withType("Ready").withStatus("Unknown")
                .withReason("NodeStatusUnknown").withMessage("Node stopped posting node status.")
                .withLastHeartbeatTime(previous == null ? null : previous.getLastHeartbeatTime())
                .withLastTransitionTime(at).build());
        copy = new NodeBuilder(copy).editOrNewStatus().withConditions(conditions).endStatus().build();
        api.nodes().resource(copy).updateStatus();
        log.info("node {} stopped heartbeating: Ready=Unknown", node.getMetadata().getName());
        for (Pod pod : podsOn(node)) {
            if (Pods.isReady(pod)) {
                markNotReady(pod, at);
            }
        }
    }

    /** Its endpoints move to notReadyAddresses at once, rather than when the pod is evicted. */
    private void markNotReady(Pod pod, String at) {
        Pod copy = new PodBuilder(pod).build();
        for (PodCondition condition : copy.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                condition.setStatus("False");
                condition.setReason("NodeNotReady");
                condition.setLastTransitionTime(at);
            }
        }
        api.pods().inNamespace(pod.getMetadata().getNamespace()).resource(copy).updateStatus();
    }

    private void evict(Node node, Instant now) {
        List<Node> all = nodes.list();
        int notReady = (int) all.stream().filter(n -> !NodeVerdict.isReady(n)).count();
        if (!EvictionGate.allows(all.size(), notReady, properties.unhealthyThreshold())) {
            log.warn("not evicting pods of {}: {} of {} nodes are not ready", node.getMetadata().getName(),
                    notReady, all.size());
            return;
        }
        for (Pod pod : podsOn(node)) {
            var deletion = api.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName());
            if (!Pods.isTerminating(pod)) {
                log.info("evicting {} from not-ready node {}", Pods.key(pod), node.getMetadata().getName());
                deletion.delete();
            } else if (Instant.parse(pod.getMetadata().getDeletionTimestamp()).isBefore(now)) {
                deletion.withGracePeriod(0).delete();
            }
        }
    }

    private List<Pod> podsOn(Node node) {
        return pods.byIndex(ClusterInformers.BY_NODE, node.getMetadata().getName());
    }
}
