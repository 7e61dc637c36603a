package dev.berth.gateway.errors;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;

/**
 * Reactor Netty answers a request it cannot decode (headers or request line over the limit, a malformed
 * request) itself, before any filter runs, with an empty body; this gives that answer a Status body so
 * clients see why. Recognised by what only that answer is: a complete, empty 400/414/431 that closes.
 */
@Component
class DecodingFailureStatus implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) ->
                channel.pipeline().addLast("berth.decodingFailureStatus", new Handler()));
    }

    private static final class Handler extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!(msg instanceof FullHttpResponse response) || !isDecodingFailure(response)) {
                ctx.write(msg, promise);
                return;
            }
            int code = response.status().code();
            String message = switch (code) {
                case 414 -> "the request line (method, path and query) is longer than the server accepts";
                case 431 -> "the request headers are larger than the server accepts";
                default -> "the request is not valid HTTP: " + response.status().reasonPhrase();
            };
            byte[] body = StatusResponses.json(code, "BadRequest", message).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse withStatus = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    Unpooled.wrappedBuffer(body));
            withStatus.headers().set(response.headers())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            ReferenceCountUtil.release(response);
            ctx.write(withStatus, promise);
        }

        private static boolean isDecodingFailure(FullHttpResponse response) {
            int code = response.status().code();
            return (code == 400 || code == 414 || code == 431) && response.content().readableBytes() == 0
                    && response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }
    }
}
