package dev.berth.proxy;

import dev.berth.proxy.transport.Transport;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two outside parts the agent works with: the API (fabric8) and the network (Netty). */
@Configuration(proxyBeanMethods = false)
class ProxyAgentConfiguration {

    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient(ProxyAgentProperties properties) {
        // Short backoffs: fabric8 doubles them up to 32 times the first, so an agent started beside the API
        // retries at most 1.6 s apart and syncs soon after the API answers, instead of up to 16 s later.
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl(properties.apiServer())
                .withRequestRetryBackoffInterval(50).withWatchReconnectInterval(50);
        if (properties.token() != null && !properties.token().isEmpty()) {
            config.withOauthToken(properties.token());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    @Bean(destroyMethod = "close")
    Transport transport(ProxyAgentProperties properties) {
        return Transport.best(properties.ioThreads());
    }
}
