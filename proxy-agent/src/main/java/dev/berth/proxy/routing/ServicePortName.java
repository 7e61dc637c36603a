package dev.berth.proxy.routing;

/** One port of one Service: {@code port} is the port's name, or its number when it has none. */
public record ServicePortName(String namespace, String service, String port) {

    @Override
    public String toString() {
        return namespace + "/" + service + ":" + port;
    }
}
