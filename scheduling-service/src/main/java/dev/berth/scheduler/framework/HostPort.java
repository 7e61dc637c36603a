package dev.berth.scheduler.framework;

/** A host port a container asks for; an empty or {@code 0.0.0.0} address means every address of the node. */
public record HostPort(String protocol, String ip, int port) {

    public boolean conflictsWith(HostPort other) {
        return port == other.port && protocol.equals(other.protocol)
                && (wildcard() || other.wildcard() || ip.equals(other.ip));
    }

    private boolean wildcard() {
        return ip.isEmpty() || ip.equals("0.0.0.0");
    }
}
