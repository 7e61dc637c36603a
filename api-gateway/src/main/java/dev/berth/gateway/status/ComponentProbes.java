package dev.berth.gateway.status;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Asks every part of the control plane the gateway can see whether it is healthy: Redis, every instance
 * discovery knows of each API server (its readiness probe), and each elected role (whether a leader holds its
 * lock). Nodes report themselves through their Node objects, which the page reads from the API.
 */
@Component
class ComponentProbes {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveDiscoveryClient discovery;
    private final ReactiveStringRedisTemplate redis;
    private final StatusProperties properties;
    private final WebClient client;

    ComponentProbes(ReactiveDiscoveryClient discovery, ReactiveStringRedisTemplate redis,
                    StatusProperties properties) {
        this.discovery = discovery;
        this.redis = redis;
        this.properties = properties;
        // Each instance is asked at its own address, past the load balancer.
        this.client = WebClient.create();
    }

    Mono<List<ComponentState>> probe() {
        Flux<ComponentState> gateway = Flux.just(new ComponentState("api-gateway", "this instance", true, "UP"));
        return Flux.merge(gateway, redis(), apiServers(), leaders())
                .collectSortedList(Comparator.comparing(ComponentState::name).thenComparing(ComponentState::where));
    }

    private Mono<ComponentState> redis() {
        return redis.execute(ReactiveRedisConnection::ping).next()
                .map(pong -> new ComponentState("redis", "storage", true, pong))
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(new ComponentState("redis", "storage", false, failure(e))));
    }

    private Flux<ComponentState> apiServers() {
        return Flux.fromIterable(properties.apiServers())
                .flatMap(service -> discovery.getInstances(service)
                        .flatMap(this::readiness)
                        .switchIfEmpty(Mono.just(new ComponentState(service, "discovery", false, "no instance"))));
    }

    private Mono<ComponentState> readiness(ServiceInstance instance) {
        String where = instance.getUri().toString();
        return client.get().uri(instance.getUri() + "/actuator/health/readiness").retrieve().toBodilessEntity()
                .map(response -> new ComponentState(instance.getServiceId(), where, true, "ready"))
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(new ComponentState(instance.getServiceId(), where, false, failure(e))));
    }

    /** A role's lock exists only while its leader renews it, so its time to live is the leader's heartbeat. */
    private Flux<ComponentState> leaders() {
        return Flux.fromIterable(properties.leaders())
                .flatMap(role -> leaseMillis(properties.leaderKeyPrefix() + ":" + role)
                        .map(millis -> millis < 0
                                ? new ComponentState(role, "leader", false, "no leader elected")
                                : new ComponentState(role, "leader", true, "leader elected, lease "
                                + Math.max(1, millis / 1000) + " s"))
                        .timeout(TIMEOUT)
                        .onErrorResume(e -> Mono.just(new ComponentState(role, "leader", false, failure(e)))));
    }

    /** PTTL: -2 when no leader holds the lock. */
    private Mono<Long> leaseMillis(String key) {
        return redis.execute(connection -> connection.keyCommands()
                .pTtl(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))).next();
    }

    private static String failure(Throwable e) {
        String message = e.getMessage();
        return "DOWN: " + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }
}
