package dev.berth.pod.discovery;

import dev.berth.api.resource.CoreResources;
import dev.berth.api.resource.PeerResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The gateway routes {@code /api/v1} discovery and OpenAPI here, so this server also lists the resources
 * replication-service serves; their requests go to replication-service.
 */
@Configuration(proxyBeanMethods = false)
class PeerDiscovery {

    @Bean
    PeerResources peerResources() {
        return new PeerResources(List.of(CoreResources.REPLICATION_CONTROLLERS));
    }
}
