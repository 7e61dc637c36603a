package dev.berth.gateway.health;

import dev.berth.gateway.GatewayProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The gateway is only as healthy as its backends: reports each backend's readiness probe. */
@Component("backends")
class BackendReadiness implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient.Builder clients;
    private final GatewayProperties properties;

    BackendReadiness(@LoadBalanced WebClient.Builder clients, GatewayProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(properties.backends())
                .flatMap(backend -> readiness(backend).map(status -> Map.entry(backend, status)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(statuses -> {
                    Health.Builder health = statuses.values().stream().allMatch("UP"::equals)
                            ? Health.up() : Health.down();
                    statuses.forEach(health::withDetail);
                    return health.build();
                });
    }

    private Mono<String> readiness(String backend) {
        return clients.build().get().uri("http://" + backend + "/actuator/health/readiness")
                .retrieve().toBodilessEntity()
                .map(response -> "UP")
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just("DOWN (" + e.getClass().getSimpleName() + ")"));
    }
}
