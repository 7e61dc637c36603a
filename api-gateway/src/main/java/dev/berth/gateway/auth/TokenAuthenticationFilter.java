package dev.berth.gateway.auth;

import dev.berth.gateway.GatewayProperties;
import dev.berth.gateway.errors.StatusResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Authenticates every API request by its bearer token (401 Status without a known one) and records the
 * {@link Identity} on the exchange for authorization and for the identity headers sent to backends.
 */
@Component
public class TokenAuthenticationFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final Authenticator authenticator;
    private final GatewayProperties properties;

    TokenAuthenticationFilter(Authenticator authenticator, GatewayProperties properties) {
        this.authenticator = authenticator;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (properties.publicPaths().stream().anyMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        Optional<Identity> identity = authenticator.identify(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (identity.isEmpty()) {
            return StatusResponses.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "Unauthorized",
                    Authenticator.UNAUTHORIZED);
        }
        exchange.getAttributes().put(Identity.ATTRIBUTE, identity.get());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The identity the filter recorded, if the request was authenticated. */
    public static Optional<Identity> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(Identity.ATTRIBUTE));
    }
}
