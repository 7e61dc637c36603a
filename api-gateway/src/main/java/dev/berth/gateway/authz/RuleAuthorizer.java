package dev.berth.gateway.authz;

import dev.berth.gateway.auth.Identity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Allows what a rule of one of the identity's groups allows; discovery paths are open to every user. */
@Component
@Order(2)
class RuleAuthorizer implements Authorizer {

    private final AuthorizationProperties properties;

    RuleAuthorizer(AuthorizationProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Decision> authorize(Identity identity, RequestAttributes request) {
        if (!request.resourceRequest()) {
            return Mono.just(request.verb().equals("get") ? Decision.allow() : Decision.NO_OPINION);
        }
        boolean allowed = identity.groups().stream()
                .flatMap(group -> properties.groups().getOrDefault(group, java.util.List.of()).stream())
                .anyMatch(rule -> rule.allows(request));
        return Mono.just(allowed ? Decision.allow() : Decision.NO_OPINION);
    }
}
