package dev.berth.node;

import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.docker.DockerRuntime;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The two outside parts the agent talks to: the API (fabric8) and the container engine. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient(NodeAgentProperties properties) {
        // Short backoffs: fabric8 doubles them up to 32 times the first, so an agent started beside the API
        // retries at most 1.6 s apart and syncs soon after the API answers, instead of up to 16 s later.
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl(properties.apiServer())
                .withRequestRetryBackoffInterval(50).withWatchReconnectInterval(50);
        if (properties.token() != null && !properties.token().isEmpty()) {
            config.withOauthToken(properties.token());
        }
        if (properties.apiCaFile() != null && !properties.apiCaFile().isEmpty()) {
            config.withCaCertFile(properties.apiCaFile());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    @Bean
    ContainerRuntime containerRuntime(NodeAgentProperties properties) {
        // A connection per pod worker, plus the resync's, the status reporter's and the probes'.
        return DockerRuntime.connect(properties.dockerHost(), properties.maxPods() + 8);
    }

    @Bean
    Clock agentClock() {
        return Clock.systemUTC();
    }
}
