package dev.berth.proxy.sync;

import dev.berth.proxy.ProxyAgentProperties;
import dev.berth.proxy.routing.ListenKey;
import dev.berth.proxy.routing.Listener;
import dev.berth.proxy.routing.ListenerFactory;
import dev.berth.proxy.routing.Protocol;
import dev.berth.proxy.routing.ServiceRoute;
import dev.berth.proxy.tcp.TcpListener;
import dev.berth.proxy.transport.Transport;
import dev.berth.proxy.udp.UdpListener;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;

/** Opens TCP and UDP listeners. */
@Component
class NettyListeners implements ListenerFactory {

    private final Transport transport;
    private final ProxyAgentProperties properties;

    NettyListeners(Transport transport, ProxyAgentProperties properties) {
        this.transport = transport;
        this.properties = properties;
    }

    @Override
    public Listener open(String host, ListenKey key, ServiceRoute route) {
        InetSocketAddress address = new InetSocketAddress(host, key.port());
        return key.protocol() == Protocol.TCP
                ? TcpListener.open(route, transport, address, properties.connectTimeout())
                : UdpListener.open(route, transport, address, properties.udpIdleTimeout());
    }
}
