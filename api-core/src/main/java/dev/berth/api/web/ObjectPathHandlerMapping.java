package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import java.util.Arrays;

/**
 * Sends the API's hot paths (an object or a collection, without a subresource) straight to
 * {@link ResourceController}, ahead of Spring's annotated mappings: those try every pattern registered under
 * {@code /api/v1/**} on each request, which took ~9% of a GET's CPU. Subresources (status, binding, log,
 * scale), other verbs and paths that do not parse fall through to the annotated mappings unchanged.
 */
public final class ObjectPathHandlerMapping extends AbstractHandlerMapping {

    /** The request attribute holding the path this mapping parsed, so the handler need not parse it again. */
    static final String PARSED_PATH = ObjectPathHandlerMapping.class.getName() + ".path";

    private static final String ROOT = "/api/v1/";

    private final ApiResources resources;
    private final HandlerMethod get;
    private final HandlerMethod watch;
    private final HandlerMethod create;
    private final HandlerMethod update;
    private final HandlerMethod patch;
    private final HandlerMethod delete;

    public ObjectPathHandlerMapping(ResourceController controller, ApiResources resources) {
        this.resources = resources;
        this.get = handler(controller, "get");
        this.watch = handler(controller, "watch");
        this.create = handler(controller, "create");
        this.update = handler(controller, "update");
        this.patch = handler(controller, "patch");
        this.delete = handler(controller, "delete");
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!uri.startsWith(ROOT)) {
            return null;
        }
        ApiPath path;
        try {
            path = ApiPath.parse(uri.substring(ROOT.length()), resources.namespacedPlurals());
        } catch (ApiException notAnApiPath) {
            return null;
        }
        if (path.subresource() != null) {
            return null;
        }
        request.setAttribute(PARSED_PATH, path);
        return switch (request.getMethod()) {
            case "GET" -> request.getParameter("watch") == null ? get : watch;
            case "POST" -> create;
            case "PUT" -> update;
            case "PATCH" -> patch;
            case "DELETE" -> delete;
            default -> null;
        };
    }

    private static HandlerMethod handler(ResourceController controller, String name) {
        return Arrays.stream(ResourceController.class.getMethods())
                .filter(method -> method.getName().equals(name)).findFirst()
                .map(method -> new HandlerMethod(controller, method))
                .orElseThrow(() -> new IllegalStateException("ResourceController has no handler " + name));
    }
}
