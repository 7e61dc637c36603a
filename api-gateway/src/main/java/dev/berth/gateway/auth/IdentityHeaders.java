package dev.berth.gateway.auth;

import dev.berth.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells backends who is calling: {@code X-Remote-User}/{@code X-Remote-Group} (kube-apiserver's
 * request-header names), plus the shared secret that makes backends believe them. Whatever the client
 * sent in those headers is dropped first, and the client's token never travels further.
 */
@Component
public class IdentityHeaders implements GlobalFilter, Ordered {

    public static final String USER = "X-Remote-User";
    static final String GROUP = "X-Remote-Group";
    public static final String SECRET = "X-Berth-Gateway-Secret";

    private final String secret;

    IdentityHeaders(GatewayProperties properties) {
        this.secret = properties.backendSecret();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(USER);
        headers.remove(GROUP);
        headers.remove(SECRET);
        headers.remove(HttpHeaders.AUTHORIZATION);
        TokenAuthenticationFilter.of(exchange).ifPresent(identity -> {
            headers.set(USER, identity.user());
            identity.groups().forEach(group -> headers.add(GROUP, group));
        });
        if (secret != null && !secret.isEmpty()) {
            headers.set(SECRET, secret);
        }
        return chain.filter(exchange.mutate().request(new WithHeaders(request, headers)).build());
    }

    /**
     * The request with other headers. Not {@code exchange.mutate().request(builder)}: that copies the request's
     * TLS details too, and reading them costs an exception per request when the client sent no certificate.
     */
    private static final class WithHeaders extends ServerHttpRequestDecorator {

        private final HttpHeaders headers;

        WithHeaders(ServerHttpRequest request, HttpHeaders headers) {
            super(request);
            this.headers = headers;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
