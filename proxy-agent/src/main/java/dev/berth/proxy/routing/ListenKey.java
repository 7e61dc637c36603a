package dev.berth.proxy.routing;

/** A socket the agent listens on, on the node address. */
public record ListenKey(Protocol protocol, int port) {

    @Override
    public String toString() {
        return port + "/" + protocol;
    }
}
