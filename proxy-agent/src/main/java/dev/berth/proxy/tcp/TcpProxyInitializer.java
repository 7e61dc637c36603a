package dev.berth.proxy.tcp;

import dev.berth.proxy.routing.ServiceRoute;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import java.util.function.Supplier;

/** Gives each accepted connection a frontend bound to the listener's route at that moment. */
final class TcpProxyInitializer extends ChannelInitializer<SocketChannel> {

    private final Supplier<ServiceRoute> route;
    private final Bootstrap backends;

    TcpProxyInitializer(Supplier<ServiceRoute> route, Bootstrap backends) {
        this.route = route;
        this.backends = backends;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(new FrontendHandler(route.get(), backends));
    }
}
