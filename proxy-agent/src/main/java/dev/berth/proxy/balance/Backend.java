package dev.berth.proxy.balance;

import java.net.InetSocketAddress;

/** One endpoint of a service port: where its pod's port is published ({@code ip} is an address literal). */
public record Backend(String ip, int port) {

    public InetSocketAddress socketAddress() {
        // An IP literal: parsed, never looked up.
        return new InetSocketAddress(ip, port);
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
