package dev.berth.proxy.routing;

import dev.berth.proxy.balance.Backend;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutePlannerTest {

    private static final ServicePortName WEB = new ServicePortName("default", "web", "http");

    private static ServiceBuilder service(String name, String created) {
        return new ServiceBuilder().withNewMetadata().withNamespace("default").withName(name)
                .withCreationTimestamp(created).endMetadata().withNewSpec().withType("ClusterIP")
                .withClusterIP("10.96.0.10").endSpec();
    }

    private static Service web() {
        return service("web", "2026-01-01T00:00:00Z").editSpec().addNewPort().withName("http").withPort(8080)
                .endPort().endSpec().build();
    }

    @Test
    void eachServicePortListensOnItsPortAndItsNodePort() {
        Service service = service("web", "2026-01-01T00:00:00Z").editSpec().withType("NodePort")
                .addNewPort().withName("http").withPort(8080).withNodePort(30080).endPort()
                .addNewPort().withName("dns").withProtocol("UDP").withPort(53).endPort().endSpec().build();

        RoutePlan plan = RoutePlanner.plan(List.of(service), key -> null);

        assertThat(plan.listeners()).containsExactlyInAnyOrderEntriesOf(Map.of(
                new ListenKey(Protocol.TCP, 8080), WEB, new ListenKey(Protocol.TCP, 30080), WEB,
                new ListenKey(Protocol.UDP, 53), new ServicePortName("default", "web", "dns")));
        assertThat(plan.targets().get(WEB).backends()).isEmpty();
    }

    @Test
    void readyAddressesOfEverySubsetAtThatSubsetsPortOfTheSameName() {
        Endpoints endpoints = new EndpointsBuilder().withNewMetadata().withName("web").endMetadata()
                .addNewSubset().addNewAddress().withIp("127.0.0.51").endAddress()
                .addNewNotReadyAddress().withIp("127.0.0.59").endNotReadyAddress()
                .addNewPort().withName("metrics").withPort(9000).endPort()
                .addNewPort().withName("http").withPort(1001).endPort().endSubset()
                .addNewSubset().addNewAddress().withIp("127.0.0.52").endAddress()
                .addNewPort().withName("http").withPort(1002).endPort().endSubset()
                .build();

        RoutePlan plan = RoutePlanner.plan(List.of(web()), key -> key.equals("default/web") ? endpoints : null);

        assertThat(plan.targets().get(WEB).backends())
                .containsExactly(new Backend("127.0.0.51", 1001), new Backend("127.0.0.52", 1002));
    }

    @Test
    void anUnnamedPortMatchesTheSubsetsOnlyPort() {
        Service service = service("one", "2026-01-01T00:00:00Z").editSpec().addNewPort().withPort(80).endPort()
                .endSpec().build();
        Endpoints endpoints = new EndpointsBuilder().addNewSubset().addNewAddress().withIp("127.0.0.51")
                .endAddress().addNewPort().withPort(1001).endPort().endSubset().build();

        RoutePlan plan = RoutePlanner.plan(List.of(service), key -> endpoints);

        assertThat(plan.targets().get(new ServicePortName("default", "one", "80")).backends())
                .containsExactly(new Backend("127.0.0.51", 1001));
    }

    @Test
    void clientIpAffinityUsesTheConfiguredTimeoutOrKubernetesDefault() {
        Service sticky = service("sticky", "2026-01-01T00:00:00Z").editSpec().withSessionAffinity("ClientIP")
                .addNewPort().withName("http").withPort(81).endPort().endSpec().build();
        Service timed = service("timed", "2026-01-01T00:00:00Z").editSpec().withSessionAffinity("ClientIP")
                .withNewSessionAffinityConfig().withNewClientIP().withTimeoutSeconds(30).endClientIP()
                .endSessionAffinityConfig().addNewPort().withName("http").withPort(82).endPort().endSpec().build();

        RoutePlan plan = RoutePlanner.plan(List.of(web(), sticky, timed), key -> null);

        assertThat(plan.targets().get(WEB).affinity()).isNull();
        assertThat(plan.targets().get(new ServicePortName("default", "sticky", "http")).affinity())
                .isEqualTo(Duration.ofHours(3));
        assertThat(plan.targets().get(new ServicePortName("default", "timed", "http")).affinity())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void headlessAndExternalNameServicesAreNotProxied() {
        Service headless = service("headless", "2026-01-01T00:00:00Z").editSpec().withClusterIP("None")
                .addNewPort().withPort(81).endPort().endSpec().build();
        Service external = service("external", "2026-01-01T00:00:00Z").editSpec().withType("ExternalName")
                .withExternalName("example.org").addNewPort().withPort(82).endPort().endSpec().build();

        assertThat(RoutePlanner.plan(List.of(headless, external), key -> null).listeners()).isEmpty();
    }

    @Test
    void theOlderServiceKeepsAContestedPort() {
        Service younger = service("younger", "2026-02-01T00:00:00Z").editSpec().addNewPort().withName("http")
                .withPort(8080).endPort().endSpec().build();

        RoutePlan plan = RoutePlanner.plan(List.of(younger, web()), key -> null);

        assertThat(plan.listeners()).containsExactly(Map.entry(new ListenKey(Protocol.TCP, 8080), WEB));
        assertThat(plan.conflicts()).singleElement().asString().contains("default/younger:http");
        assertThat(plan.targets()).containsKey(new ServicePortName("default", "younger", "http"));
    }
}
