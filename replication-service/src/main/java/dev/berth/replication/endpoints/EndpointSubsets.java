package dev.berth.replication.endpoints;

import dev.berth.replication.objects.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A service's endpoint subsets from the pods it selects. Pods' ports are published on their node's address,
 * so an address is the pod's {@code status.hostIP} and a port is the host port the node-agent reports in
 * {@value #PUBLISHED_PORTS} for the service's target port. Ports differ per pod, so pods are grouped into
 * subsets by identical port sets; ready pods go to {@code addresses}, the others to {@code notReadyAddresses}.
 */
final class EndpointSubsets {

    /** {@code {"6379/TCP": 32771}}: container port and protocol to host port, written by the node-agent. */
    static final String PUBLISHED_PORTS = "berth.dev/published-ports";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<EndpointAddress> BY_ADDRESS = Comparator.comparing(EndpointAddress::getIp)
            .thenComparing(a -> a.getTargetRef() == null ? "" : a.getTargetRef().getName());

    private EndpointSubsets() {
    }

    static List<EndpointSubset> of(Service service, List<Pod> pods) {
        Map<String, Group> groups = new TreeMap<>();
        for (Pod pod : pods) {
            if (!Pods.isActive(pod) || pod.getStatus() == null || isEmpty(pod.getStatus().getHostIP())) {
                continue;
            }
            List<EndpointPort> ports = ports(service, pod);
            if (ports.isEmpty()) {
                continue;
            }
            Group group = groups.computeIfAbsent(ports.toString(), k -> new Group(ports));
            (Pods.isReady(pod) ? group.ready : group.notReady).add(address(pod));
        }
        return groups.values().stream().map(g -> new EndpointSubsetBuilder()
                .withPorts(g.ports)
                .withAddresses(g.ready.stream().sorted(BY_ADDRESS).toList())
                .withNotReadyAddresses(g.notReady.stream().sorted(BY_ADDRESS).toList())
                .build()).toList();
    }

    private record Group(List<EndpointPort> ports, List<EndpointAddress> ready, List<EndpointAddress> notReady) {
        Group(List<EndpointPort> ports) {
            this(ports, new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * The service ports this pod publishes, in the service's port order. A pod on the node's network listens
     * on the node's address itself, so its container port is the port.
     */
    private static List<EndpointPort> ports(Service service, Pod pod) {
        JsonNode published = published(pod);
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort servicePort : service.getSpec().getPorts()) {
            String protocol = servicePort.getProtocol() == null ? "TCP" : servicePort.getProtocol();
            Optional<Integer> containerPort = containerPort(servicePort, protocol, pod);
            int port = Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? containerPort.orElse(0)
                    : containerPort.map(p -> published.path(p + "/" + protocol).asInt(0)).orElse(0);
            if (port > 0) {
                ports.add(new EndpointPortBuilder().withName(servicePort.getName()).withPort(port)
                        .withProtocol(protocol).build());
            }
        }
        return ports;
    }

    /** A numeric target port as is; a named one through the pod's container ports. */
    static Optional<Integer> containerPort(ServicePort servicePort, String protocol, Pod pod) {
        IntOrString target = servicePort.getTargetPort();
        if (target == null) {
            return Optional.ofNullable(servicePort.getPort());
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        for (Container container : pod.getSpec().getContainers()) {
            for (ContainerPort port : container.getPorts()) {
                String portProtocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                if (target.getStrVal().equals(port.getName()) && protocol.equals(portProtocol)) {
                    return Optional.of(port.getContainerPort());
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode published(Pod pod) {
        String annotation = pod.getMetadata().getAnnotations() == null
                ? null : pod.getMetadata().getAnnotations().get(PUBLISHED_PORTS);
        if (isEmpty(annotation)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(annotation);
        } catch (JacksonException e) {
            // A malformed report publishes nothing: the pod is no endpoint until its agent reports again.
            return JSON.createObjectNode();
        }
    }

    private static EndpointAddress address(Pod pod) {
        return new EndpointAddressBuilder().withIp(pod.getStatus().getHostIP())
                .withNodeName(pod.getSpec().getNodeName())
                .withNewTargetRef().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endTargetRef()
                .build();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
