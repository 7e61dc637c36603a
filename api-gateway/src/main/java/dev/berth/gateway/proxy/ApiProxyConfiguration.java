package dev.berth.gateway.proxy;

import dev.berth.gateway.GatewayProperties;
import dev.berth.gateway.auth.Authenticator;
import dev.berth.gateway.auth.IdentityHeaders;
import dev.berth.gateway.authz.Authorization;
import dev.berth.gateway.errors.BackendFailures;
import dev.berth.gateway.ratelimit.UserRateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * Puts {@link ApiProxy} in front of Spring's handler on the gateway's Reactor Netty server: requests it serves
 * ({@link ApiRoutes}) never reach Spring WebFlux; everything else (watches, the status page, docs, Actuator) does.
 */
@Configuration(proxyBeanMethods = false)
class ApiProxyConfiguration {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> apiProxyRoute(
            Authenticator authenticator, Authorization authorization, UserRateLimit rateLimit,
            IdentityHeaders identityHeaders, BackendFailures failures,
            ReactiveLoadBalancer.Factory<ServiceInstance> balancers, ReactiveCircuitBreakerFactory<?, ?> breakers,
            HttpClient gatewayClient, HttpClientProperties clientProperties, MeterRegistry meters,
            GatewayProperties properties) {
        // Spring Cloud Gateway's own client (its pool, connect timeout and TLS settings), with its response timeout
        // for every request but a long-running one.
        HttpClient client = clientProperties.getResponseTimeout() == null ? gatewayClient
                : gatewayClient.responseTimeout(clientProperties.getResponseTimeout());
        ApiProxy proxy = new ApiProxy(authenticator, authorization, rateLimit, identityHeaders, failures,
                new BackendInstances(balancers), breakers, client, gatewayClient, new ProxyMetrics(meters),
                properties.maxRequestSize().toBytes());
        return factory -> factory.addRouteProviders(routes -> routes.route(ApiRoutes::proxied, proxy));
    }
}
