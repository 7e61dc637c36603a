package dev.berth.node.discovery;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment through which a pod finds the services of its namespace, named as Kubernetes (and Docker
 * links before it) name them: {@code REDIS_MASTER_SERVICE_HOST}, {@code REDIS_MASTER_SERVICE_PORT},
 * {@code REDIS_MASTER_PORT_6379_TCP_ADDR}, ... The host is where the node's proxy-agent listens for pods.
 */
public final class ServiceLinks {

    private ServiceLinks() {
    }

    public static Map<String, String> environment(List<Service> services, String host) {
        Map<String, String> env = new LinkedHashMap<>();
        services.stream()
                .filter(s -> s.getSpec() != null && !s.getSpec().getPorts().isEmpty()
                        && !"None".equals(s.getSpec().getClusterIP()) && !"ExternalName".equals(s.getSpec().getType()))
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .forEach(service -> add(env, service, host));
        return env;
    }

    private static void add(Map<String, String> env, Service service, String host) {
        String prefix = service.getMetadata().getName().toUpperCase(Locale.ROOT).replace('-', '_');
        List<ServicePort> ports = service.getSpec().getPorts();
        ServicePort first = ports.get(0);
        env.put(prefix + "_SERVICE_HOST", host);
        env.put(prefix + "_SERVICE_PORT", Integer.toString(first.getPort()));
        for (ServicePort port : ports) {
            if (port.getName() != null && !port.getName().isEmpty()) {
                env.put(prefix + "_SERVICE_PORT_" + port.getName().toUpperCase(Locale.ROOT).replace('-', '_'),
                        Integer.toString(port.getPort()));
            }
        }
        env.put(prefix + "_PORT", url(first, host));
        for (ServicePort port : ports) {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol().toUpperCase(Locale.ROOT);
            String link = prefix + "_PORT_" + port.getPort() + "_" + protocol;
            env.put(link, url(port, host));
            env.put(link + "_PROTO", protocol.toLowerCase(Locale.ROOT));
            env.put(link + "_PORT", Integer.toString(port.getPort()));
            env.put(link + "_ADDR", host);
        }
    }

    private static String url(ServicePort port, String host) {
        String protocol = port.getProtocol() == null ? "tcp" : port.getProtocol().toLowerCase(Locale.ROOT);
        return protocol + "://" + host + ":" + port.getPort();
    }
}
