package dev.berth.proxy.routing;

public enum Protocol {
    TCP, UDP;

    /** The protocol of a Service or endpoint port; {@code null} (the API's default) is TCP, SCTP unsupported. */
    static Protocol of(String value) {
        if (value == null || value.isEmpty() || "TCP".equals(value)) {
            return TCP;
        }
        return "UDP".equals(value) ? UDP : null;
    }
}
