package dev.berth.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.netty.http.server.HttpServerRequest;

import java.util.List;

/**
 * Which requests {@link ApiProxy} serves, and the backend of each: every API request (under {@code /api} and
 * {@code /apis}) but watches and protocol upgrades, which stay on Spring Cloud Gateway's routes (application.yml)
 * with their streaming and WebSocket handling. Replication controllers are replication-service's, the rest
 * pod-service's, as those routes say.
 */
final class ApiRoutes {

    static final String POD_SERVICE = "pod-service";
    static final String REPLICATION_SERVICE = "replication-service";

    private ApiRoutes() {
    }

    static boolean proxied(HttpServerRequest request) {
        String uri = request.uri();
        if (!(under(uri, "/api") || under(uri, "/apis")) || request.requestHeaders().contains(HttpHeaderNames.UPGRADE)) {
            return false;
        }
        int query = uri.indexOf('?');
        if (query < 0 || !uri.contains("watch")) {
            return true;
        }
        try {
            List<String> watch = new QueryStringDecoder(uri).parameters().get("watch");
            return watch == null || !(watch.get(0).equals("true") || watch.get(0).equals("1"));
        } catch (IllegalArgumentException malformedQuery) {
            return false;   // Spring Cloud Gateway's routes answer it, as before
        }
    }

    private static boolean under(String uri, String prefix) {
        if (!uri.startsWith(prefix)) {
            return false;
        }
        if (uri.length() == prefix.length()) {
            return true;
        }
        char next = uri.charAt(prefix.length());
        return next == '/' || next == '?';
    }

    /** The backend serving {@code path} (no query). */
    static String backendOf(String path) {
        if (path.startsWith("/api/v1beta1/replicationControllers")) {
            return REPLICATION_SERVICE;
        }
        if (path.startsWith("/api/v1/")) {
            String[] parts = path.split("/", 7);   // "", api, v1, namespaces, {ns}, replicationcontrollers, ...
            if (parts.length >= 4 && parts[3].equals("replicationcontrollers")
                    || parts.length >= 6 && parts[3].equals("namespaces") && parts[5].equals("replicationcontrollers")) {
                return REPLICATION_SERVICE;
            }
        }
        return POD_SERVICE;
    }
}
