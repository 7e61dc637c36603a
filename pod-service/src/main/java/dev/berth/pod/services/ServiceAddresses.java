package dev.berth.pod.services;

import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import dev.berth.api.storage.redis.RedisStorageProperties;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Allocates and releases Services' cluster IPs and node ports from the configured ranges. */
@Component
class ServiceAddresses {

    private final RangeAllocator clusterIps;
    private final RangeAllocator nodePorts;

    ServiceAddresses(StringRedisTemplate redis, RedisStorageProperties storage, ServiceProperties properties) {
        Cidr cidr = Cidr.parse(properties.clusterIpRange());
        // Skip the network address and the first host (Kubernetes keeps it for the API's own Service).
        this.clusterIps = new RangeAllocator(redis, storage.keyPrefix() + ":alloc:clusterip",
                cidr.first() + 2, Math.max(0, cidr.size() - 3));
        String[] ports = properties.nodePortRange().split("-");
        long low = Long.parseLong(ports[0].trim());
        long high = Long.parseLong(ports[1].trim());
        this.nodePorts = new RangeAllocator(redis, storage.keyPrefix() + ":alloc:nodeport", low, high - low + 1);
    }

    void allocate(Service service) {
        String name = service.getMetadata().getName();
        List<Long> taken = new ArrayList<>();
        try {
            String ip = service.getSpec().getClusterIP();
            if (!"None".equals(ip) && !"ExternalName".equals(service.getSpec().getType())) {
                if (ip == null || ip.isEmpty()) {
                    long value = clusterIps.allocateAny();
                    if (value < 0) {
                        throw ApiException.internal("no cluster IP is free in the service range");
                    }
                    ip = Cidr.format(value);
                } else if (!takeIp(ip, name)) {
                    throw ApiException.invalid("Service", name, List.of(FieldError.invalid("spec.clusterIPs", ip,
                            "failed to allocate IP " + ip + ": provided IP is already allocated")));
                }
                taken.add(Cidr.toLong(ip));
                service.getSpec().setClusterIP(ip);
                service.getSpec().setClusterIPs(List.of(ip));
            }
            if (usesNodePorts(service)) {
                for (int i = 0; i < service.getSpec().getPorts().size(); i++) {
                    allocateNodePort(service, service.getSpec().getPorts().get(i), i);
                }
            }
        } catch (RuntimeException e) {
            release(service);
            throw e;
        }
    }

    void release(Service service) {
        String ip = service.getSpec().getClusterIP();
        if (ip != null && Cidr.isIpv4(ip)) {
            long value = Cidr.toLong(ip);
            if (clusterIps.contains(value)) {
                clusterIps.release(value);
            }
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            if (port.getNodePort() != null && nodePorts.contains(port.getNodePort())) {
                nodePorts.release(port.getNodePort());
            }
        }
    }

    private boolean takeIp(String ip, String name) {
        if (!Cidr.isIpv4(ip) || !clusterIps.contains(Cidr.toLong(ip))) {
            throw ApiException.invalid("Service", name, List.of(FieldError.invalid("spec.clusterIPs", ip,
                    "failed to allocate IP " + ip + ": the provided IP is not in the valid range")));
        }
        return clusterIps.allocate(Cidr.toLong(ip));
    }

    private void allocateNodePort(Service service, ServicePort port, int index) {
        String field = "spec.ports[" + index + "].nodePort";
        String name = service.getMetadata().getName();
        if (port.getNodePort() == null || port.getNodePort() == 0) {
            long value = nodePorts.allocateAny();
            if (value < 0) {
                throw ApiException.internal("no node port is free in the node port range");
            }
            port.setNodePort((int) value);
        } else if (!nodePorts.contains(port.getNodePort())) {
            throw ApiException.invalid("Service", name, List.of(FieldError.invalid(field, port.getNodePort(),
                    "provided port is not in the valid range")));
        } else if (!nodePorts.allocate(port.getNodePort())) {
            throw ApiException.invalid("Service", name, List.of(FieldError.invalid(field, port.getNodePort(),
                    "provided port is already allocated")));
        }
    }

    private static boolean usesNodePorts(Service service) {
        String type = service.getSpec().getType();
        return "NodePort".equals(type) || "LoadBalancer".equals(type);
    }
}
