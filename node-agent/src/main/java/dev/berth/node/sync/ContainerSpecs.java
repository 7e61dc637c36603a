package dev.berth.node.sync;

import dev.berth.node.probe.Probes;
import dev.berth.node.runtime.ContainerSpec;
import dev.berth.node.runtime.Labels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates a pod's container into what the engine creates. */
final class ContainerSpecs {

    private ContainerSpecs() {
    }

    /** @param serviceEnv the services' variables; the container's own env wins over them, as in Kubernetes */
    static ContainerSpec of(Pod pod, Container container, int restartCount, String nodeName, String nodeAddress,
                            Map<String, String> serviceEnv) {
        Map<String, String> labels = Map.of(
                Labels.MANAGED, "true",
                Labels.NODE_NAME, nodeName,
                Labels.POD_UID, pod.getMetadata().getUid(),
                Labels.POD_NAMESPACE, pod.getMetadata().getNamespace(),
                Labels.POD_NAME, pod.getMetadata().getName(),
                Labels.CONTAINER_NAME, container.getName(),
                Labels.CONTAINER_HASH, PodActionsCalculator.hash(container),
                Labels.RESTART_COUNT, Integer.toString(restartCount));
        Map<String, String> env = new LinkedHashMap<>();
        if (!Boolean.FALSE.equals(pod.getSpec().getEnableServiceLinks())) {
            env.putAll(serviceEnv);
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        // Every container port is published on the node address: the hostPort when given, else an
        // ephemeral one, so services can reach pods that ask for no host port.
        List<ContainerSpec.PortMapping> ports = new ArrayList<>(container.getPorts().stream().map((ContainerPort port) ->
                new ContainerSpec.PortMapping(port.getContainerPort(),
                        port.getProtocol() == null ? "TCP" : port.getProtocol(),
                        port.getHostIP() == null || port.getHostIP().isEmpty() ? nodeAddress : port.getHostIP(),
                        port.getHostPort() == null ? 0 : port.getHostPort())).toList());
        Probes.undeclaredPorts(container).forEach(port ->
                ports.add(new ContainerSpec.PortMapping(port, "TCP", nodeAddress, 0)));
        Map<String, Quantity> limits = container.getResources() == null || container.getResources().getLimits() == null
                ? Map.of() : container.getResources().getLimits();
        long memory = limits.containsKey("memory") ? Quantity.getAmountInBytes(limits.get("memory")).longValue() : 0;
        long cpuMillis = limits.containsKey("cpu")
                ? Quantity.getAmountInBytes(limits.get("cpu")).movePointRight(3).longValue() : 0;
        String name = "berth_" + pod.getMetadata().getNamespace() + "_" + pod.getMetadata().getName() + "_"
                + container.getName() + "_" + pod.getMetadata().getUid().substring(0, 8) + "_" + restartCount;
        return new ContainerSpec(name, container.getImage(), container.getCommand(), container.getArgs(), env,
                container.getWorkingDir(), labels, ports, memory, cpuMillis, hostAccess(pod.getSpec(), container));
    }

    /** The API refuses all of this unless the cluster allows it (berth.api.allow-privileged). */
    private static ContainerSpec.HostAccess hostAccess(PodSpec spec, Container container) {
        Map<String, HostPathVolumeSource> hostPaths = new HashMap<>();
        spec.getVolumes().stream().filter(v -> v.getHostPath() != null)
                .forEach(v -> hostPaths.put(v.getName(), v.getHostPath()));
        List<ContainerSpec.HostMount> mounts = container.getVolumeMounts().stream()
                .filter(m -> hostPaths.containsKey(m.getName()))
                .map(m -> new ContainerSpec.HostMount(hostPaths.get(m.getName()).getPath(), m.getMountPath(),
                        Boolean.TRUE.equals(m.getReadOnly())))
                .toList();
        boolean privileged = container.getSecurityContext() != null
                && Boolean.TRUE.equals(container.getSecurityContext().getPrivileged());
        return new ContainerSpec.HostAccess(privileged, Boolean.TRUE.equals(spec.getHostNetwork()),
                Boolean.TRUE.equals(spec.getHostPID()), Boolean.TRUE.equals(spec.getHostIPC()), mounts);
    }
}
