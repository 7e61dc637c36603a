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
        try {
            return !isSet(uri, "watch");
        } catch (IllegalArgumentException malformedQuery) {
            return false;   // Spring Cloud Gateway's routes answer it, as before
        }
    }

    /**
     * A followed log ({@code kubectl logs -f}) lasts as long as the pod runs and may be quiet for minutes: no
     * response timeout applies to it, as kube-apiserver counts it among its long-running requests.
     */
    static boolean longRunning(HttpServerRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        try {
            return query > 0 && uri.startsWith("/log", query - 4) && isSet(uri, "follow");
        } catch (IllegalArgumentException malformedQuery) {
            return false;   // the API server answers it with a 400 Status
        }
    }

    /** Whether the query sets the flag ({@code true} or {@code 1}, as the API servers read it). */
    private static boolean isSet(String uri, String flag) {
        if (uri.indexOf('?') < 0 || !uri.contains(flag)) {
            return false;
        }
        List<String> values = new QueryStringDecoder(uri).parameters().get(flag);
        return values != null && (values.get(0).equals("true") || values.get(0).equals("1"));
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
