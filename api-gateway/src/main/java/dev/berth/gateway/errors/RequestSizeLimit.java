package dev.berth.gateway.errors;

import dev.berth.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies declared larger than the limit with 413 before they are read. (A chunked body without a
 * length is streamed on; the API servers enforce the same limit while reading it.)
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    RequestSizeLimit(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return StatusResponses.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "RequestEntityTooLarge",
                    "the request body is " + length + " bytes; the limit is " + maxBytes);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
