package dev.berth.api.web;

import dev.berth.api.errors.ApiException;

import java.util.Set;

/**
 * A request path under {@code /api/v1}, taken apart: {@code namespaces/{ns}/{resource}[/{name}[/{sub}]]} or
 * {@code {resource}[/{name}[/{sub}]]}. {@code namespaces/x/status} is the namespace's own subresource, while
 * {@code namespaces/x/pods} lists pods: the third segment decides, as in Kubernetes.
 *
 * @param namespace   null for cluster-scoped resources and all-namespace lists
 */
public record ApiPath(String resource, String namespace, String name, String subresource) {

    public static ApiPath parse(String rest, Set<String> namespacedResources) {
        String[] s = rest.isEmpty() ? new String[0] : rest.split("/", -1);
        for (String segment : s) {
            if (segment.isEmpty()) {
                throw ApiException.notFoundPath(rest);
            }
        }
        if (s.length >= 3 && s[0].equals("namespaces") && namespacedResources.contains(s[2]) && s.length <= 5) {
            return new ApiPath(s[2], s[1], at(s, 3), at(s, 4));
        }
        if (s.length >= 1 && s.length <= 3) {
            return new ApiPath(s[0], null, at(s, 1), at(s, 2));
        }
        throw ApiException.notFoundPath(rest);
    }

    public boolean isCollection() {
        return name == null;
    }

    private static String at(String[] segments, int i) {
        return i < segments.length ? segments[i] : null;
    }
}
