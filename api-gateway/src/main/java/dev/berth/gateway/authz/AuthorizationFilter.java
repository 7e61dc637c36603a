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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Asks the authorizers in order; the first ALLOW or DENY decides, and no decision is a 403 Status. */
@Component
class AuthorizationFilter implements WebFilter, Ordered {

    private final List<Authorizer> authorizers;

    AuthorizationFilter(List<Authorizer> authorizers) {
        this.authorizers = authorizers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Identity identity = TokenAuthenticationFilter.of(exchange).orElse(null);
        if (identity == null) {
            return chain.filter(exchange);
        }
        RequestAttributes request = RequestAttributes.of(exchange.getRequest());
        return Flux.fromIterable(authorizers)
                .concatMap(authorizer -> authorizer.authorize(identity, request))
                .filter(decision -> decision.outcome() != Decision.Outcome.NO_OPINION)
                .next()
                .defaultIfEmpty(Decision.deny(""))
                .flatMap(decision -> decision.outcome() == Decision.Outcome.ALLOW ? chain.filter(exchange)
                        : StatusResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden",
                        forbidden(identity, request, decision.reason())));
    }

    private static String forbidden(Identity identity, RequestAttributes request, String reason) {
        String what = request.resourceRequest()
                ? "resource \"" + request.qualifiedResource() + "\"" + (request.namespace() == null ? ""
                : " in the namespace \"" + request.namespace() + "\"")
                : "this path";
        return request.qualifiedResource() == null ? "User \"" + identity.user() + "\" cannot " + request.verb()
                + " " + what : request.resource() + (request.name() == null ? "" : " \"" + request.name() + "\"")
                + " is forbidden: User \"" + identity.user() + "\" cannot " + request.verb() + " " + what
                + (reason.isEmpty() ? "" : ": " + reason);
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFilter.ORDER + 1;
    }
}
