package dev.berth.gateway.proxy;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks an instance of a backend with Spring Cloud LoadBalancer, as the {@code lb://} routes do: Consul's healthy
 * instances in compose/production, the static ones locally.
 */
final class BackendInstances {

    private final ReactiveLoadBalancer.Factory<ServiceInstance> balancers;
    private final Map<String, ReactiveLoadBalancer<ServiceInstance>> byBackend = new ConcurrentHashMap<>();

    BackendInstances(ReactiveLoadBalancer.Factory<ServiceInstance> balancers) {
        this.balancers = balancers;
    }

    /** The base URI ({@code http://host:port}) of an instance to call; an error when none is known. */
    Mono<String> choose(String backend) {
        return Mono.from(byBackend.computeIfAbsent(backend, balancers::getInstance).choose())
                .flatMap(chosen -> chosen.hasServer() ? Mono.just(base(chosen.getServer()))
                        : Mono.error(new IllegalStateException("no instance of " + backend + " is known")));
    }

    private static String base(ServiceInstance instance) {
        return (instance.isSecure() ? "https://" : "http://") + instance.getHost() + ":" + instance.getPort();
    }
}
