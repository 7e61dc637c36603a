package dev.berth.node.discovery;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLinksTest {

    private static Service service(String name, String clusterIp, int port, String portName) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withClusterIP(clusterIp).addNewPort().withName(portName).withPort(port).withProtocol("TCP").endPort()
                .endSpec().build();
    }

    @Test
    void aServiceGivesKubernetesAndDockerLinkVariablesPointingAtTheProxy() {
        var env = ServiceLinks.environment(List.of(service("redis-master", "10.0.0.11", 6379, "redis")), "172.17.0.1");
        assertThat(env).containsEntry("REDIS_MASTER_SERVICE_HOST", "172.17.0.1")
                .containsEntry("REDIS_MASTER_SERVICE_PORT", "6379")
                .containsEntry("REDIS_MASTER_SERVICE_PORT_REDIS", "6379")
                .containsEntry("REDIS_MASTER_PORT", "tcp://172.17.0.1:6379")
                .containsEntry("REDIS_MASTER_PORT_6379_TCP", "tcp://172.17.0.1:6379")
                .containsEntry("REDIS_MASTER_PORT_6379_TCP_PROTO", "tcp")
                .containsEntry("REDIS_MASTER_PORT_6379_TCP_PORT", "6379")
                .containsEntry("REDIS_MASTER_PORT_6379_TCP_ADDR", "172.17.0.1");
    }

    @Test
    void headlessServicesHaveNoVariables() {
        assertThat(ServiceLinks.environment(List.of(service("db", "None", 5432, null)), "172.17.0.1")).isEmpty();
    }
}
