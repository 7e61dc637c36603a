package dev.berth.gateway.authz;

import dev.berth.gateway.auth.Identity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Asks the authorizers in order; the first ALLOW or DENY decides, and no decision at all is a denial (as
 * kube-apiserver's authorizer chain). Shared by both request paths.
 */
@Component
public class Authorization {

    private final List<Authorizer> authorizers;

    Authorization(List<Authorizer> authorizers) {
        this.authorizers = authorizers;
    }

    /** Empty when the identity may make the request; else the 403 message that says why not. */
    public Mono<String> refusal(Identity identity, RequestAttributes request) {
        return Flux.fromIterable(authorizers)
                .concatMap(authorizer -> authorizer.authorize(identity, request))
                .filter(decision -> decision.outcome() != Decision.Outcome.NO_OPINION)
                .next()
                .defaultIfEmpty(Decision.deny(""))
                .flatMap(decision -> decision.outcome() == Decision.Outcome.ALLOW ? Mono.empty()
                        : Mono.just(forbidden(identity, request, decision.reason())));
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
}
