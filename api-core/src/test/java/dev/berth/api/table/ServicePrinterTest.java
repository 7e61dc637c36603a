package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ServicePrinterTest {

    static Stream<Arguments> ports() {
        return Stream.of(
                arguments(List.of(), ""),
                arguments(List.of(port(80, null, "TCP")), "80/TCP"),
                arguments(List.of(port(80, 30080, "TCP")), "80:30080/TCP"),
                arguments(List.of(port(53, null, "UDP"), port(53, null, "TCP")), "53/UDP,53/TCP"),
                arguments(List.of(port(80, 30080, "TCP"), port(443, 30443, "TCP")), "80:30080/TCP,443:30443/TCP"),
                arguments(List.of(port(8080, 0, null)), "8080/TCP"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void ports(List<ServicePort> ports, String expected) {
        assertThat(ServicePrinter.ports(ports)).isEqualTo(expected);
    }

    static Stream<Arguments> externalIps() {
        return Stream.of(
                arguments(service("ClusterIP").build(), "<none>"),
                arguments(service("NodePort").editSpec().withExternalIPs("1.2.3.4", "5.6.7.8").endSpec().build(), "1.2.3.4,5.6.7.8"),
                arguments(service("LoadBalancer").build(), "<pending>"),
                arguments(service("LoadBalancer").withNewStatus().withNewLoadBalancer()
                        .addNewIngress().withIp("9.9.9.9").endIngress()
                        .addNewIngress().withHostname("lb.example.com").endIngress()
                        .endLoadBalancer().endStatus().build(), "9.9.9.9,lb.example.com"),
                arguments(service("ExternalName").editSpec().withExternalName("db.example.com").endSpec().build(),
                        "db.example.com"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void externalIps(Service service, String expected) {
        assertThat(ServicePrinter.externalIp(service)).isEqualTo(expected);
    }

    @Test
    void cells() {
        Service service = service("NodePort")
                .editSpec().withClusterIPs("10.96.0.10").withPorts(port(80, 30080, "TCP"))
                .addToSelector("tier", "web").addToSelector("app", "x").endSpec().build();
        assertThat(new ServicePrinter().cells(service, Instant.parse("2024-05-01T12:00:00Z"))).containsExactly(
                "web", "NodePort", "10.96.0.10", "<none>", "80:30080/TCP", "10m", "app=x,tier=web");
    }

    @Test
    void headlessWithoutPortsOrSelector() {
        Service service = service("ClusterIP").editSpec().withClusterIP("None").endSpec().build();
        assertThat(new ServicePrinter().cells(service, Instant.parse("2024-05-01T12:00:00Z")))
                .containsExactly("web", "ClusterIP", "None", "<none>", "<none>", "10m", "<none>");
    }

    private static ServiceBuilder service(String type) {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("default").withCreationTimestamp("2024-05-01T11:50:00Z")
                .endMetadata()
                .withNewSpec().withType(type).endSpec();
    }

    private static ServicePort port(int port, Integer nodePort, String protocol) {
        return new ServicePortBuilder().withPort(port).withNodePort(nodePort).withProtocol(protocol).build();
    }
}
