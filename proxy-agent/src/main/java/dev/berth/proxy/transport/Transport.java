package dev.berth.proxy.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The event loops and the channel classes that go with them: native epoll where it loads (fewer copies and
 * syscalls, edge-triggered), NIO elsewhere. Every listener and every backend connection uses the same group,
 * so a backend connects on its frontend's loop and the two never hand data across threads.
 */
public record Transport(String name, EventLoopGroup group, Class<? extends ServerChannel> serverChannel,
                        Class<? extends SocketChannel> socketChannel,
                        Class<? extends DatagramChannel> datagramChannel) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    /** @param threads event loops, 0 for Netty's default */
    public static Transport best(int threads) {
        if (Epoll.isAvailable()) {
            return new Transport("epoll", group(threads, EpollIoHandler.newFactory()), EpollServerSocketChannel.class,
                    EpollSocketChannel.class, EpollDatagramChannel.class);
        }
        log.info("Native epoll unavailable ({}), using NIO", Epoll.unavailabilityCause().toString());
        return nio(threads);
    }

    public static Transport nio(int threads) {
        return new Transport("nio", group(threads, NioIoHandler.newFactory()), NioServerSocketChannel.class,
                NioSocketChannel.class, NioDatagramChannel.class);
    }

    private static EventLoopGroup group(int threads, IoHandlerFactory factory) {
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
