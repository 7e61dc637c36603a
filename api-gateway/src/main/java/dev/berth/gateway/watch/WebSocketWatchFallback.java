package dev.berth.gateway.watch;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a WebSocket upgrade of a watch as the API servers do: 200 with an empty, finished body, which
 * clients that try WebSocket first (fabric8) take as the cue to watch over a plain HTTP stream. Left to the
 * gateway's WebSocket routing, the upgrade would be accepted here (101) and closed at once when the backend
 * refuses it, and such a client would reconnect over WebSocket forever without ever seeing an event.
 * Runs after authentication and authorization (web filters), so refusals stay 401/403.
 */
@Component
class WebSocketWatchFallback implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        boolean upgrade = "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.UPGRADE));
        if (!upgrade || !WatchRequests.isWatch(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setContentLength(0);
        return exchange.getResponse().setComplete();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
