package dev.berth.proxy.udp;

import dev.berth.proxy.balance.Backend;
import dev.berth.proxy.routing.ServiceRoute;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Datagrams from clients, forwarded per client address through a flow channel connected to its endpoint;
 * replies go back out of the service socket to that client. Flows live on the service socket's event loop,
 * so the flow table needs no locking.
 */
final class UdpFlows extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(UdpFlows.class);

    private final Supplier<ServiceRoute> route;
    private final Bootstrap flows;
    private final Duration idleTimeout;
    private final Map<InetSocketAddress, ChannelFuture> byClient = new HashMap<>();

    UdpFlows(Supplier<ServiceRoute> route, Bootstrap flows, Duration idleTimeout) {
        this.route = route;
        this.flows = flows;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress client = packet.sender();
        ChannelFuture flow = byClient.get(client);
        ServiceRoute current = route.get();
        if (flow == null) {
            List<Backend> order = current.balancer().attemptOrder(client.getAddress().getHostAddress(), System.nanoTime());
            if (order.isEmpty()) {
                current.metrics().noEndpoints();
                return;
            }
            flow = open(ctx.channel(), client, order.get(0), current);
        }
        ByteBuf payload = packet.content().retain();
        current.metrics().toBackend(payload.readableBytes());
        flow.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                f.channel().writeAndFlush(payload);
            } else {
                payload.release();
            }
        });
    }

    private ChannelFuture open(Channel service, InetSocketAddress client, Backend backend, ServiceRoute current) {
        current.metrics().opened();
        ChannelFuture flow = flows.clone(service.eventLoop()).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                        new Replies(service, client, current));
            }
        }).connect(backend.socketAddress());
        byClient.put(client, flow);
        flow.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                current.balancer().connected(client.getAddress().getHostAddress(), backend, System.nanoTime());
            } else {
                current.metrics().connectFailed();
            }
        });
        flow.channel().closeFuture().addListener(f -> {
            byClient.remove(client, flow);
            current.metrics().closed();
        });
        return flow;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        List.copyOf(byClient.values()).forEach(flow -> flow.channel().close());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("UDP service socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }

    /** One flow's replies, sent back to its client from the service socket; idle flows close. */
    private static final class Replies extends SimpleChannelInboundHandler<DatagramPacket> {

        private final Channel service;
        private final InetSocketAddress client;
        private final ServiceRoute route;

        Replies(Channel service, InetSocketAddress client, ServiceRoute route) {
            this.service = service;
            this.client = client;
            this.route = route;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            route.metrics().toClient(packet.content().readableBytes());
            service.writeAndFlush(new DatagramPacket(packet.content().retain(), client));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // An ICMP port unreachable from the endpoint: drop the flow, the client's next datagram re-picks.
            log.debug("UDP flow {} -> {}: {}", client, ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
