package dev.berth.proxy.tcp;

import dev.berth.proxy.routing.Listener;
import dev.berth.proxy.routing.ServiceRoute;
import dev.berth.proxy.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The bootstrap of one TCP service socket. Accepted connections start with AUTO_READ off: the frontend reads
 * nothing until its backend is connected, then one read per completed write (back-pressure both ways).
 */
public final class TcpListener implements Listener {

    private final Channel channel;
    private volatile ServiceRoute route;

    private TcpListener(ServiceRoute route, Transport transport, InetSocketAddress address, Duration connectTimeout) {
        this.route = route;
        // Pooled direct buffers: a read lands off-heap and the same buffer is written to the other socket.
        PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        Bootstrap backends = new Bootstrap().channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, allocator)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        ChannelFuture bound = new ServerBootstrap().group(transport.group()).channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childHandler(new TcpProxyInitializer(() -> this.route, backends))
                .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + address + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        this.channel = bound.channel();
    }

    public static TcpListener open(ServiceRoute route, Transport transport, InetSocketAddress address,
                                   Duration connectTimeout) {
        return new TcpListener(route, transport, address, connectTimeout);
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
