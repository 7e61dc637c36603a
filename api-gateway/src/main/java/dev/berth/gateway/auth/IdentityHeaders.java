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

import java.util.function.BiConsumer;

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
        request.getHeaders().forEach((name, values) -> {
            if (!isReserved(name)) {
                headers.addAll(name, values);
            }
        });
        addTo(TokenAuthenticationFilter.of(exchange).orElse(null), headers::add);
        return chain.filter(exchange.mutate().request(new WithHeaders(request, headers)).build());
    }

    /** A header no client's value travels on: its token, and the identity headers only the gateway sets. */
    public static boolean isReserved(String name) {
        return name.equalsIgnoreCase(USER) || name.equalsIgnoreCase(GROUP) || name.equalsIgnoreCase(SECRET)
                || name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
    }

    /**
     * The headers that tell a backend who calls (none for a public path: {@code identity} null) and, with the
     * secret, that the gateway vouches for it.
     */
    public void addTo(Identity identity, BiConsumer<String, String> header) {
        if (identity != null) {
            header.accept(USER, identity.user());
            identity.groups().forEach(group -> header.accept(GROUP, group));
        }
        if (secret != null && !secret.isEmpty()) {
            header.accept(SECRET, secret);
        }
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
