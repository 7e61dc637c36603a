package dev.berth.proxy.routing;

/** A bound socket serving one service port. */
public interface Listener {

    /** Sends new connections (or UDP flows) to another service port; established ones are left alone. */
    void route(ServiceRoute route);

    /** Stops accepting; connections already established finish on their own. */
    void close();
}
