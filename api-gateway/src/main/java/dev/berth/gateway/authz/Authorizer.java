package dev.berth.gateway.authz;

import dev.berth.gateway.auth.Identity;
import reactor.core.publisher.Mono;

/** One way of deciding whether an identity may make a request (kube-apiserver's authorizer chain). */
public interface Authorizer {

    Mono<Decision> authorize(Identity identity, RequestAttributes request);
}
