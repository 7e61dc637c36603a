package dev.berth.gateway.authz;

import dev.berth.gateway.auth.Identity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Node restriction: a node-agent ({@code system:node:<name>} in {@code system:nodes}) may read what it needs,
 * write its own Node, write the status of (and confirm the deletion of) pods bound to it, and record events;
 * nothing else, whatever other rules say.
 */
@Component
@Order(1)
class NodeAuthorizer implements Authorizer {

    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
    private static final Set<String> READABLE = Set.of("pods", "services", "endpoints", "nodes", "namespaces");
    private static final Set<String> WRITE_VERBS = Set.of("update", "patch");

    private final PodBindings bindings;

    NodeAuthorizer(PodBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Mono<Decision> authorize(Identity identity, RequestAttributes request) {
        String node = identity.nodeName();
        if (node == null || !request.resourceRequest()) {
            return Mono.just(Decision.NO_OPINION);
        }
        String verb = request.verb();
        if (READ_VERBS.contains(verb) && READABLE.contains(request.resource())) {
            return Mono.just(Decision.allow());
        }
        if (request.resource().equals("events") && Set.of("create", "update", "patch").contains(verb)) {
            return Mono.just(Decision.allow());
        }
        if (request.resource().equals("nodes")) {
            boolean own = node.equals(request.name());
            boolean allowed = verb.equals("create")
                    || own && WRITE_VERBS.contains(verb) && (request.subresource() == null
                    || request.subresource().equals("status"));
            return Mono.just(allowed ? Decision.allow() : Decision.deny(
                    "node \"" + node + "\" may only modify its own Node object"));
        }
        boolean podStatus = request.resource().equals("pods") && "status".equals(request.subresource())
                && WRITE_VERBS.contains(verb);
        boolean podDelete = request.resource().equals("pods") && request.subresource() == null && verb.equals("delete");
        if (podStatus || podDelete) {
            return bindings.nodeOf(request.namespace(), request.name())
                    .map(bound -> bound.equals(node) ? Decision.allow()
                            : Decision.deny("node \"" + node + "\" can only " + verb + " pods bound to it"))
                    .defaultIfEmpty(Decision.deny("node \"" + node + "\" can only " + verb + " pods bound to it"));
        }
        return Mono.just(Decision.deny("node \"" + node + "\" may not " + verb + " " + request.qualifiedResource()));
    }
}
