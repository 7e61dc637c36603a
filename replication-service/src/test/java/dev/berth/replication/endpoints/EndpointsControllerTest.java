package dev.berth.replication.endpoints;

import dev.berth.replication.Cluster;
import dev.berth.replication.Fixtures;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The endpoints controller against real pod-service and replication-service processes. */
class EndpointsControllerTest {

    private static final Duration CONVERGE = Duration.ofSeconds(30);

    private final KubernetesClient core = Cluster.shared().core;

    private List<EndpointSubset> subsets(String service) {
        Endpoints endpoints = core.endpoints().withName(service).get();
        return endpoints == null ? null : endpoints.getSubsets();
    }

    private List<String> ready(String service) {
        List<EndpointSubset> subsets = subsets(service);
        return subsets == null ? List.of() : subsets.stream().flatMap(s -> s.getAddresses().stream())
                .map(a -> a.getIp() + ":" + a.getTargetRef().getName()).sorted().toList();
    }

    private List<String> notReady(String service) {
        List<EndpointSubset> subsets = subsets(service);
        return subsets == null ? List.of() : subsets.stream().flatMap(s -> s.getNotReadyAddresses().stream())
                .map(a -> a.getIp() + ":" + a.getTargetRef().getName()).sorted().toList();
    }

    @Test
    void endpointsFollowReadinessAndPublishedPorts() {
        core.services().resource(new ServiceBuilder().withNewMetadata().withName("ep-web").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "ep-web"))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec().build()).create();
        await().atMost(CONVERGE).until(() -> subsets("ep-web") != null && subsets("ep-web").isEmpty());

        Pod a = core.pods().resource(Fixtures.pod("ep-a", Map.of("app", "ep-web"))).create();
        Pod b = core.pods().resource(Fixtures.pod("ep-b", Map.of("app", "ep-web"))).create();
        Fixtures.report(core, a, true, "127.0.0.2", Map.of("80/TCP", 32001));
        Fixtures.report(core, b, false, "127.0.0.3", Map.of("80/TCP", 32002));
        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(ready("ep-web")).containsExactly("127.0.0.2:ep-a");
            assertThat(notReady("ep-web")).containsExactly("127.0.0.3:ep-b");
        });
        assertThat(subsets("ep-web")).flatExtracting(EndpointSubset::getPorts)
                .extracting(p -> p.getPort()).containsExactlyInAnyOrder(32001, 32002);

        Fixtures.report(core, b, true, "127.0.0.3", Map.of());
        Fixtures.report(core, a, false, "127.0.0.2", Map.of());
        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(ready("ep-web")).containsExactly("127.0.0.3:ep-b");
            assertThat(notReady("ep-web")).containsExactly("127.0.0.2:ep-a");
        });

        core.pods().withName("ep-b").withGracePeriod(0).delete();
        await().atMost(CONVERGE).until(() -> ready("ep-web").isEmpty());

        // Hand-made changes to a selector service's endpoints are put right again.
        core.endpoints().withName("ep-web").edit(e -> new EndpointsBuilder(e).withSubsets(List.of()).build());
        await().atMost(CONVERGE).until(() -> notReady("ep-web").equals(List.of("127.0.0.2:ep-a")));

        core.services().withName("ep-web").delete();
        await().atMost(CONVERGE).until(() -> core.endpoints().withName("ep-web").get() == null);
    }
}
