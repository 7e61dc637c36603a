package dev.berth.proxy.udp;

import dev.berth.proxy.routing.Listener;
import dev.berth.proxy.routing.ServiceRoute;
import dev.berth.proxy.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The bootstrap of one UDP service socket. UDP has no connections, so each client address gets a flow: a
 * datagram channel connected to the endpoint chosen for it, kept while traffic passes (see {@link UdpFlows}).
 */
public final class UdpListener implements Listener {

    private final Channel channel;
    private volatile ServiceRoute route;

    private UdpListener(ServiceRoute route, Transport transport, InetSocketAddress address, Duration idleTimeout) {
        this.route = route;
        Bootstrap flows = new Bootstrap().channel(transport.datagramChannel());
        ChannelFuture bound = new Bootstrap().group(transport.group()).channel(transport.datagramChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new UdpFlows(() -> this.route, flows, idleTimeout))
                .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + address + "/udp: " + bound.cause().getMessage(),
                    bound.cause());
        }
        this.channel = bound.channel();
    }

    public static UdpListener open(ServiceRoute route, Transport transport, InetSocketAddress address,
                                   Duration idleTimeout) {
        return new UdpListener(route, transport, address, idleTimeout);
    }

    @Override
    public void route(ServiceRoute route) {
        this.route = route;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
    }
}
