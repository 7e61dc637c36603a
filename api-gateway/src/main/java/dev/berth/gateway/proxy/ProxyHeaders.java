package dev.berth.gateway.proxy;

import dev.berth.gateway.auth.IdentityHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers pass through the proxy: not those about one connection (RFC 9110 §7.6.1; HTTP/2 forbids them),
 * not the marks Netty puts on an HTTP/2 request it converts ({@code x-http2-*}), and not the client's token or
 * identity headers, which {@link IdentityHeaders} replaces.
 */
final class ProxyHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings");
    /** Request headers the proxy sets itself: the backend's host, the length of the body it read, no 100-continue. */
    private static final Set<String> RESET_ON_REQUEST = Set.of("host", "content-length", "expect");

    private ProxyHeaders() {
    }

    static void copyRequest(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !RESET_ON_REQUEST.contains(name) && !name.startsWith("x-http2-")
                    && !IdentityHeaders.isReserved(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    static void copyResponse(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> header : from) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }
}
