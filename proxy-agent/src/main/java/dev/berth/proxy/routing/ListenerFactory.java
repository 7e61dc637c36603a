package dev.berth.proxy.routing;

/** Binds sockets: the seam between the control plane and the data path. */
public interface ListenerFactory {

    /** @throws IllegalStateException when the port cannot be bound (it is retried at the next sync) */
    Listener open(String address, ListenKey key, ServiceRoute route);
}
