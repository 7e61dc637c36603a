package dev.berth.gateway.authz;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a request does, in Kubernetes' authorization terms: a verb on a resource (optionally a subresource, a
 * namespace and a name), or a non-resource path such as {@code /version}.
 */
public record RequestAttributes(String verb, String namespace, String resource, String subresource, String name,
                                boolean resourceRequest) {

    public static RequestAttributes of(ServerHttpRequest request) {
        return of(request.getMethod().name(), request.getPath().value(), request.getQueryParams().getFirst("watch"));
    }

    /**
     * @param method the HTTP method
     * @param path   the request's path, without its query
     * @param watch  the {@code watch} query parameter, or null
     */
    public static RequestAttributes of(String method, String path, String watch) {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        int start;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            start = 2;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            start = 3;
        } else {
            return new RequestAttributes(method.toLowerCase(Locale.ROOT), null, null, null, null, false);
        }
        List<String> rest = parts.subList(start, parts.size());
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        } else if (rest.size() == 2 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : null;
        return new RequestAttributes(verb(method, name, watch), namespace, resource, subresource, name, true);
    }

    private static String verb(String method, String name, String watch) {
        return switch (method) {
            case "GET" -> "true".equals(watch) || "1".equals(watch) ? "watch" : name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code pods/status} for a subresource request, else the resource. */
    public String qualifiedResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }
}
