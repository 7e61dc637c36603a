package dev.berth.cli.hollow;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A kubelet without a container runtime, for many nodes at once: registers each node with capacity and a
 * Ready condition it renews, and answers for the pods bound to its nodes as a real agent would, minus the
 * containers: Running and Ready once bound, removed at once when deleted. Its nodes carry the label and the
 * NoSchedule taint {@value #LABEL}=true, so that only pods which tolerate it land there and a cluster can mix
 * real and hollow nodes without real workloads vanishing into simulated ones.
 */
final class HollowKubelet implements AutoCloseable {

    static final String LABEL = "berth.dev/hollow";

    private final KubernetesClient client;
    private final String prefix;
    private final int count;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService podWrites = Executors.newSingleThreadExecutor();
    private SharedIndexInformer<Pod> pods;

    HollowKubelet(KubernetesClient client, String prefix, int count) {
        this.client = client;
        this.prefix = prefix;
        this.count = count;
    }

    String name(int i) {
        return prefix + "-" + i;
    }

    /** Registers every node, then keeps them Ready and answers for their pods. */
    void start(Duration heartbeat) {
        for (int i = 1; i <= count; i++) {
            register(i);
        }
        long gapNanos = Math.max(1, heartbeat.toNanos() / count);
        for (int i = 1; i <= count; i++) {
            int index = i;
            heartbeats.scheduleAtFixedRate(() -> renew(index), gapNanos * i, heartbeat.toNanos(), TimeUnit.NANOSECONDS);
        }
        pods = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                answer(pod);
            }

            @Override
            public void onUpdate(Pod before, Pod pod) {
                answer(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
            }
        }, Duration.ofMinutes(1).toMillis());
    }

    private boolean mine(String nodeName) {
        if (nodeName == null || !nodeName.startsWith(prefix + "-")) {
            return false;
        }
        String suffix = nodeName.substring(prefix.length() + 1);
        return suffix.chars().allMatch(Character::isDigit) && !suffix.isEmpty()
                && Integer.parseInt(suffix) >= 1 && Integer.parseInt(suffix) <= count;
    }

    private void answer(Pod pod) {
        if (!mine(pod.getSpec().getNodeName())) {
            return;
        }
        podWrites.execute(() -> {
            try {
                var resource = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName());
                if (pod.getMetadata().getDeletionTimestamp() != null) {
                    resource.withGracePeriod(0).delete();
                } else if (!"Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
                    resource.editStatus(current -> {
                        current.setStatus(running(current, now()));
                        return current;
                    });
                }
            } catch (KubernetesClientException e) {
                // Gone or changed meanwhile: the informer brings the next version.
                System.err.println("hollow: pod " + pod.getMetadata().getName() + ": " + e.getMessage());
            }
        });
    }

    static PodStatus running(Pod pod, String now) {
        String address = address(pod.getSpec().getNodeName());
        List<ContainerStatus> containers = pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                .withName(c.getName()).withImage(c.getImage()).withImageID("hollow://" + c.getImage())
                .withContainerID("hollow://" + pod.getMetadata().getUid() + "/" + c.getName())
                .withReady(true).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build()).toList();
        List<PodCondition> conditions = List.of("PodScheduled", "Initialized", "ContainersReady", "Ready").stream()
                .map(type -> new PodConditionBuilder().withType(type).withStatus("True").withLastTransitionTime(now).build())
                .toList();
        return new PodStatusBuilder().withPhase("Running").withHostIP(address).withPodIP(address).withStartTime(now)
                .withConditions(conditions).withContainerStatuses(containers).build();
    }

    /**
     * A loopback address per node in 127.1.0.0/16, where nothing listens: a connection to a hollow pod is
     * refused at once (the proxy skips such endpoints) and never leaves the machine.
     */
    private static String address(String nodeName) {
        int index = Integer.parseInt(nodeName.substring(nodeName.lastIndexOf('-') + 1));
        return "127.1." + (index / 256) + "." + (index % 256);
    }

    private void register(int i) {
        String name = name(i);
        if (client.nodes().withName(name).get() == null) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                    .withLabels(Map.of("kubernetes.io/hostname", name, LABEL, "true")).endMetadata()
                    .withNewSpec().addNewTaint().withKey(LABEL).withValue("true").withEffect("NoSchedule").endTaint()
                    .endSpec().build()).create();
        }
        renew(i);
    }

    private void renew(int i) {
        String name = name(i);
        String now = now();
        try {
            client.nodes().withName(name).editStatus(node -> {
                Map<String, Quantity> capacity = Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"),
                        "pods", new Quantity("110"));
                NodeCondition ready = new NodeConditionBuilder().withType("Ready").withStatus("True")
                        .withReason("KubeletReady").withMessage("hollow node is posting ready status")
                        .withLastHeartbeatTime(now).withLastTransitionTime(transition(node, now)).build();
                return new NodeBuilder(node).editOrNewStatus().withCapacity(capacity).withAllocatable(capacity)
                        .withConditions(List.of(ready))
                        .withAddresses(List.of(new io.fabric8.kubernetes.api.model.NodeAddress(address(name), "InternalIP"),
                                new io.fabric8.kubernetes.api.model.NodeAddress(name, "Hostname")))
                        .editOrNewNodeInfo().withKubeletVersion("v1.32.0-berth-hollow")
                        .withContainerRuntimeVersion("hollow://0").withOperatingSystem("linux")
                        .withArchitecture("amd64").endNodeInfo().endStatus().build();
            });
        } catch (KubernetesClientException e) {
            // The next heartbeat tries again; a node that misses the grace period turns NotReady, as it should.
            System.err.println("hollow: heartbeat of " + name + ": " + e.getMessage());
        }
    }

    private static String transition(Node node, String now) {
        return node.getStatus() == null || node.getStatus().getConditions() == null ? now
                : node.getStatus().getConditions().stream()
                        .filter(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))
                        .map(NodeCondition::getLastTransitionTime).findFirst().orElse(now);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        podWrites.shutdownNow();
        if (pods != null) {
            pods.close();
        }
    }
}
