package dev.berth.api.resource;

import java.util.List;

/**
 * Core/v1 resources another Berth API server serves behind the same gateway. This server lists them in its
 * discovery and OpenAPI documents (which the gateway routes here) so clients see one {@code /api/v1}; their
 * requests are routed to the other server.
 */
public record PeerResources(List<ResourceDefinition<?>> definitions) {

    public static final PeerResources NONE = new PeerResources(List.of());

    public PeerResources {
        definitions = List.copyOf(definitions);
    }
}
