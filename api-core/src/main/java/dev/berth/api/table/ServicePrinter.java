package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code kubectl get services}: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
final class ServicePrinter implements TablePrinter<Service> {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Type", "type determines how the Service is exposed."),
            TableColumn.string("Cluster-IP", "clusterIP is the IP address of the service."),
            TableColumn.string("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster "
                    + "will also accept traffic for this service."),
            TableColumn.string("Port(s)", "The list of ports that are exposed by this service."),
            TableColumn.ageColumn(),
            TableColumn.wide("Selector", "Route service traffic to pods with label keys and values matching this selector."));

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Service service, Instant now) {
        ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
        List<String> clusterIps = Cells.list(spec.getClusterIPs());
        String clusterIp = clusterIps.isEmpty() ? spec.getClusterIP() : clusterIps.get(0);
        String ports = ports(spec.getPorts());
        return List.of(
                Meta.name(service),
                Cells.orEmpty(spec.getType()),
                Cells.orNone(clusterIp),
                externalIp(service),
                ports.isEmpty() ? Cells.NONE : ports,
                Meta.age(service, now),
                Cells.labels(spec.getSelector()));
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} when a node port is allocated; comma separated. */
    static String ports(List<ServicePort> ports) {
        return Cells.list(ports).stream().map(port -> {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            long nodePort = Cells.orZero(port.getNodePort());
            return nodePort > 0
                    ? Cells.orZero(port.getPort()) + ":" + nodePort + "/" + protocol
                    : Cells.orZero(port.getPort()) + "/" + protocol;
        }).collect(Collectors.joining(","));
    }

    /** kubectl's getServiceExternalIP; the server prints wide, so load balancer addresses are never clipped. */
    static String externalIp(Service service) {
        ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
        List<String> externalIps = Cells.list(spec.getExternalIPs());
        String type = spec.getType() == null ? "ClusterIP" : spec.getType();
        switch (type) {
            case "ClusterIP", "NodePort" -> {
                return externalIps.isEmpty() ? Cells.NONE : String.join(",", externalIps);
            }
            case "LoadBalancer" -> {
                List<String> all = new ArrayList<>(loadBalancerAddresses(service));
                if (all.isEmpty() && externalIps.isEmpty()) {
                    return "<pending>";
                }
                all.addAll(externalIps);
                return String.join(",", all);
            }
            case "ExternalName" -> {
                return Cells.orEmpty(spec.getExternalName());
            }
            default -> {
                return "<unknown>";
            }
        }
    }

    private static TreeSet<String> loadBalancerAddresses(Service service) {
        TreeSet<String> addresses = new TreeSet<>();
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
            return addresses;
        }
        for (LoadBalancerIngress ingress : Cells.list(service.getStatus().getLoadBalancer().getIngress())) {
            if (ingress.getIp() != null && !ingress.getIp().isEmpty()) {
                addresses.add(ingress.getIp());
            } else if (ingress.getHostname() != null && !ingress.getHostname().isEmpty()) {
                addresses.add(ingress.getHostname());
            }
        }
        return addresses;
    }
}
