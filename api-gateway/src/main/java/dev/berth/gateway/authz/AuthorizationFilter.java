package dev.berth.gateway.authz;

import dev.berth.gateway.auth.Identity;
import dev.berth.gateway.auth.TokenAuthenticationFilter;
import dev.berth.gateway.errors.StatusResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Authorizes the requests Spring Cloud Gateway routes; a refusal is a 403 Status. */
@Component
class AuthorizationFilter implements WebFilter, Ordered {

    private final Authorization authorization;

    AuthorizationFilter(Authorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Identity identity = TokenAuthenticationFilter.of(exchange).orElse(null);
        if (identity == null) {
            return chain.filter(exchange);
        }
        return authorization.refusal(identity, RequestAttributes.of(exchange.getRequest()))
                .flatMap(message -> StatusResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden",
                        message).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFilter.ORDER + 1;
    }
}
