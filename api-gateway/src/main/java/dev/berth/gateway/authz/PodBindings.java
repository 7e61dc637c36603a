package dev.berth.gateway.authz;

import dev.berth.gateway.GatewayProperties;
import dev.berth.gateway.auth.IdentityHeaders;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Looks up which node a pod is bound to, asking pod-service as the gateway itself. */
@Component
class PodBindings {

    private final WebClient podService;

    PodBindings(@LoadBalanced WebClient.Builder builder, GatewayProperties properties) {
        this.podService = builder.baseUrl("http://pod-service")
                .defaultHeader(IdentityHeaders.USER, "system:berth-gateway")
                .defaultHeader(IdentityHeaders.SECRET, properties.backendSecret() == null ? ""
                        : properties.backendSecret())
                .build();
    }

    /** The pod's {@code spec.nodeName}; empty when the pod does not exist or is unbound. */
    Mono<String> nodeOf(String namespace, String name) {
        return podService.get().uri("/api/v1/namespaces/{ns}/pods/{name}", namespace, name)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(pod -> pod.path("spec").path("nodeName").asString(""))
                .filter(node -> !node.isEmpty())
                .onErrorResume(e -> Mono.empty());
    }

    @Configuration(proxyBeanMethods = false)
    static class Clients {

        @Bean
        @LoadBalanced
        WebClient.Builder loadBalancedWebClient() {
            return WebClient.builder();
        }
    }
}
