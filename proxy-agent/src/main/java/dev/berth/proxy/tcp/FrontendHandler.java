package dev.berth.proxy.tcp;

import dev.berth.proxy.balance.Backend;
import dev.berth.proxy.routing.ServiceRoute;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The client side of one proxied connection. On accept it asks the route's balancer for endpoints and dials
 * them in order on its own event loop until one accepts; then it relays client bytes to the backend, reading
 * the next chunk only once the previous one was written.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(FrontendHandler.class);

    private final ServiceRoute route;
    private final Bootstrap backends;
    private Channel backend;
    private String client;

    FrontendHandler(ServiceRoute route, Bootstrap backends) {
        this.route = route;
        this.backends = backends;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        route.metrics().opened();
        client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        List<Backend> order = route.balancer().attemptOrder(client, System.nanoTime());
        if (order.isEmpty()) {
            route.metrics().noEndpoints();
            log.debug("{} has no endpoints: closing the connection from {}", route.name(), client);
            ctx.close();
            return;
        }
        connect(ctx.channel(), order, 0);
    }

    private void connect(Channel frontend, List<Backend> order, int attempt) {
        Backend target = order.get(attempt);
        backends.clone(frontend.eventLoop()).handler(new BackendHandler(frontend, route.metrics()))
                .connect(target.socketAddress()).addListener((ChannelFutureListener) future -> {
                    if (future.isSuccess()) {
                        backend = future.channel();
                        route.balancer().connected(client, target, System.nanoTime());
                        if (frontend.isActive()) {
                            frontend.read();
                        } else {
                            Channels.closeOnFlush(backend);
                        }
                        return;
                    }
                    route.metrics().connectFailed();
                    log.debug("{}: endpoint {} failed: {}", route.name(), target, future.cause().getMessage());
                    if (attempt + 1 < order.size() && frontend.isActive()) {
                        connect(frontend, order, attempt + 1);
                    } else {
                        frontend.close();
                    }
                });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (backend == null || !backend.isActive()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf buf) {
            route.metrics().toBackend(buf.readableBytes());
        }
        backend.writeAndFlush(msg).addListener((ChannelFutureListener) future -> {
            if (future.isSuccess()) {
                ctx.channel().read();
            } else {
                future.channel().close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        route.metrics().closed();
        if (backend != null) {
            Channels.closeOnFlush(backend);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets by clients are routine for a proxy; they are not worth more than a debug line.
        log.debug("{}: client {}: {}", route.name(), client, cause.toString());
        Channels.closeOnFlush(ctx.channel());
    }
}
