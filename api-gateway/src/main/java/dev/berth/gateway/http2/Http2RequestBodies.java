package dev.berth.gateway.http2;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Passes an HTTP/2 request's body on as copies, each received buffer released at once. Handed to the backend
 * connection as received (Reactor Netty 1.3.6–1.3.8, Netty 4.2.18), those buffers were released one time too
 * many under concurrent creates: the HTTP/2 connection's decoder then failed on every frame, its streams
 * hung, and the circuit breaker opened (Http2ThroughGatewayTest). Bodies are small (the limit is a few MB),
 * and HTTP/1.1 requests are left as they are.
 */
@Component
class Http2RequestBodies implements WebFilter, Ordered {

    private static final String HTTP_2 = "HTTP/2.0";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty)
                || !HTTP_2.equals(netty.protocol())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Copying(request)).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static final class Copying extends ServerHttpRequestDecorator {

        Copying(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().map(received -> {
                byte[] bytes = new byte[received.readableByteCount()];
                received.read(bytes);
                DataBufferUtils.release(received);
                return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
            });
        }
    }
}
