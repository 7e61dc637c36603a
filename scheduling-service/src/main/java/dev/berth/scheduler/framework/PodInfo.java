package dev.berth.scheduler.framework;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What scheduling needs from a pod, computed once per attempt.
 *
 * @param cpuMilli       requested CPU: the containers' sum, or the largest init container if that is more
 * @param scoreCpuMilli  the same with 100m for each container that requests none, so scores still spread
 *                       best-effort pods (kube-scheduler's non-zero defaults)
 * @param controllerUid  the uid of the owning ReplicationController, or null
 */
public record PodInfo(String key, String namespace, String name, String uid, int priority,
                      long cpuMilli, long memoryBytes, long scoreCpuMilli, long scoreMemoryBytes,
                      List<HostPort> hostPorts, Map<String, String> nodeSelector, String nodeName,
                      List<Toleration> tolerations, Map<String, String> labels, String controllerUid) {

    static final long DEFAULT_CPU_MILLI = 100;
    static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

    public static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    public static PodInfo of(Pod pod) {
        var spec = pod.getSpec();
        long cpu = 0, memory = 0, scoreCpu = 0, scoreMemory = 0;
        List<HostPort> ports = new ArrayList<>();
        for (Container container : spec.getContainers()) {
            long c = request(container, "cpu");
            long m = request(container, "memory");
            cpu += c;
            memory += m;
            scoreCpu += c == 0 ? DEFAULT_CPU_MILLI : c;
            scoreMemory += m == 0 ? DEFAULT_MEMORY : m;
            for (ContainerPort port : container.getPorts()) {
                if (port.getHostPort() != null && port.getHostPort() > 0) {
                    ports.add(new HostPort(port.getProtocol() == null ? "TCP" : port.getProtocol(),
                            port.getHostIP() == null ? "" : port.getHostIP(), port.getHostPort()));
                }
            }
        }
        // Init containers run one at a time before the others, so only the largest one can raise the request.
        for (Container init : spec.getInitContainers()) {
            cpu = Math.max(cpu, request(init, "cpu"));
            memory = Math.max(memory, request(init, "memory"));
        }
        var meta = pod.getMetadata();
        return new PodInfo(key(pod), meta.getNamespace(), meta.getName(), meta.getUid(),
                spec.getPriority() == null ? 0 : spec.getPriority(), cpu, memory, scoreCpu, scoreMemory,
                List.copyOf(ports), spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector(),
                spec.getNodeName() == null ? "" : spec.getNodeName(), spec.getTolerations(),
                meta.getLabels() == null ? Map.of() : meta.getLabels(), controllerUid(meta.getOwnerReferences()));
    }

    /** A request defaults to the limit, as the API server's defaulting does in Kubernetes. */
    private static long request(Container container, String resource) {
        var resources = container.getResources();
        if (resources == null) {
            return 0;
        }
        Map<String, Quantity> requests = resources.getRequests();
        Map<String, Quantity> source = requests != null && requests.containsKey(resource) ? requests : resources.getLimits();
        return resource.equals("cpu") ? Quantities.milliCpu(source) : Quantities.value(source, resource);
    }

    private static String controllerUid(List<OwnerReference> owners) {
        return owners == null ? null : owners.stream().filter(o -> "ReplicationController".equals(o.getKind()))
                .map(OwnerReference::getUid).findFirst().orElse(null);
    }
}
