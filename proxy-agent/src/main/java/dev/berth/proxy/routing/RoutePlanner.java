package dev.berth.proxy.routing;

import dev.berth.proxy.balance.Backend;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Services + Endpoints → {@link RoutePlan}. Each service port is served on the node address at its
 * {@code port}, and at its {@code nodePort} when it has one. Cluster IPs are virtual in Berth, so two Services
 * asking for the same port collide here: the older Service keeps it.
 */
public final class RoutePlanner {

    /** Kubernetes' default {@code sessionAffinityConfig.clientIP.timeoutSeconds}. */
    static final Duration DEFAULT_AFFINITY = Duration.ofSeconds(10800);

    private static final Comparator<Service> OLDEST_FIRST = Comparator
            .comparing((Service s) -> Objects.toString(s.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName());

    private RoutePlanner() {
    }

    /** @param endpoints the Endpoints of a Service by {@code namespace/name}, or null */
    public static RoutePlan plan(List<Service> services, Function<String, Endpoints> endpoints) {
        Map<ListenKey, ServicePortName> listeners = new LinkedHashMap<>();
        Map<ServicePortName, PortTarget> targets = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Service service : services.stream().filter(RoutePlanner::proxied).sorted(OLDEST_FIRST).toList()) {
            String namespace = service.getMetadata().getNamespace();
            String name = service.getMetadata().getName();
            Endpoints ep = endpoints.apply(namespace + "/" + name);
            Duration affinity = affinity(service.getSpec());
            for (ServicePort port : service.getSpec().getPorts()) {
                Protocol protocol = Protocol.of(port.getProtocol());
                if (protocol == null || port.getPort() == null) {
                    continue;
                }
                ServicePortName spn = new ServicePortName(namespace, name, portName(port));
                targets.put(spn, new PortTarget(backends(ep, port.getName(), protocol), affinity));
                claim(listeners, conflicts, new ListenKey(protocol, port.getPort()), spn);
                if (port.getNodePort() != null && port.getNodePort() > 0) {
                    claim(listeners, conflicts, new ListenKey(protocol, port.getNodePort()), spn);
                }
            }
        }
        return new RoutePlan(listeners, targets, conflicts);
    }

    /**
     * The ready addresses of every subset, each at that subset's port of the same name (subsets may publish
     * the same container port on different node ports). Not-ready addresses get no traffic.
     */
    static List<Backend> backends(Endpoints endpoints, String portName, Protocol protocol) {
        if (endpoints == null || endpoints.getSubsets() == null) {
            return List.of();
        }
        Set<Backend> backends = new LinkedHashSet<>();
        for (EndpointSubset subset : endpoints.getSubsets()) {
            EndpointPort port = matching(subset.getPorts(), portName, protocol);
            if (port == null || subset.getAddresses() == null) {
                continue;
            }
            for (EndpointAddress address : subset.getAddresses()) {
                if (address.getIp() != null && !address.getIp().isEmpty()) {
                    backends.add(new Backend(address.getIp(), port.getPort()));
                }
            }
        }
        return List.copyOf(backends);
    }

    private static EndpointPort matching(List<EndpointPort> ports, String name, Protocol protocol) {
        if (ports == null) {
            return null;
        }
        for (EndpointPort port : ports) {
            boolean sameName = Objects.equals(emptyToNull(port.getName()), emptyToNull(name))
                    || (ports.size() == 1 && emptyToNull(name) == null);
            if (sameName && Protocol.of(port.getProtocol()) == protocol && port.getPort() != null) {
                return port;
            }
        }
        return null;
    }

    private static void claim(Map<ListenKey, ServicePortName> listeners, List<String> conflicts, ListenKey key,
                              ServicePortName spn) {
        ServicePortName holder = listeners.putIfAbsent(key, spn);
        if (holder != null && !holder.equals(spn)) {
            conflicts.add(spn + " wants " + key + ", held by " + holder);
        }
    }

    private static boolean proxied(Service service) {
        ServiceSpec spec = service.getSpec();
        return spec != null && spec.getPorts() != null && !"ExternalName".equals(spec.getType())
                && !"None".equals(spec.getClusterIP());
    }

    private static Duration affinity(ServiceSpec spec) {
        if (!"ClientIP".equals(spec.getSessionAffinity())) {
            return null;
        }
        var config = spec.getSessionAffinityConfig();
        if (config != null && config.getClientIP() != null && config.getClientIP().getTimeoutSeconds() != null) {
            return Duration.ofSeconds(config.getClientIP().getTimeoutSeconds());
        }
        return DEFAULT_AFFINITY;
    }

    private static String portName(ServicePort port) {
        return port.getName() == null || port.getName().isEmpty() ? Integer.toString(port.getPort()) : port.getName();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
