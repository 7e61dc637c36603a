package dev.berth.proxy;

import dev.berth.proxy.DockerPods.Pod;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Services and the Endpoints the endpoints controller would write for them, as the tests need them. */
final class ServiceFixtures {

    private ServiceFixtures() {
    }

    static Service service(String name, int port, String type) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withType(type)
                .addToSelector("app", name).addNewPort().withName("http").withPort(port).withNewTargetPort(80)
                .endPort().endSpec().build();
    }

    /** One subset per pod: each pod's port is published on its own node port. */
    static Endpoints endpoints(String name, List<Pod> backends) {
        return new EndpointsBuilder().withNewMetadata().withName(name).endMetadata()
                .withSubsets(subsets(backends)).build();
    }

    static List<EndpointSubset> subsets(List<Pod> backends) {
        List<EndpointSubset> subsets = new ArrayList<>();
        for (Pod pod : backends) {
            subsets.add(new EndpointSubsetBuilder().addNewAddress().withIp(DockerPods.ADDRESS).endAddress()
                    .addNewPort().withName("http").withPort(pod.port()).endPort().build());
        }
        return subsets;
    }

    /** A port free on the node address, for a Service's {@code port}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ProxyAgentEndToEndTest.NODE))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
