package dev.berth.gateway.watch;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams watch responses through as the API server writes them: the headers go to the client at once
 * (a watcher counts its watch as started only then, and a quiet resource may send nothing for minutes) and
 * every event is flushed as it arrives instead of waiting for a buffer to fill.
 */
@Component
class WatchStreaming implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!WatchRequests.isWatch(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Flushing(exchange.getResponse())).build());
    }

    /** Runs before the filter that copies the backend's response, so that filter writes through ours. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private static final class Flushing extends ServerHttpResponseDecorator {

        Flushing(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return writeAndFlushWith(Flux.from(body).map(Flux::just));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            // An empty first write, flushed, commits the status and headers before any event exists.
            Flux<Publisher<? extends DataBuffer>> headersFirst = Flux.concat(
                    Flux.just(Flux.just(bufferFactory().allocateBuffer(0))), Flux.from(body));
            return super.writeAndFlushWith(headersFirst);
        }
    }
}
