package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import dev.berth.api.patch.PatchType;
import dev.berth.api.registry.DeleteOutcome;
import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.table.Tables;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST surface of every registry under {@code /api/v1}: one handler per HTTP verb, dispatching on the
 * parsed path. Resource-specific subresources (binding, log, scale) are separate controllers with more
 * specific mappings, which Spring prefers over these.
 */
@RestController
public class ResourceController {

    private static final String ROOT = "/api/v1/";

    private final ApiResources resources;
    private final RequestBodies bodies;
    private final ObjectReader reader;
    private final Responses responses;
    private final Watches watches;
    private final ListPages pages;

    public ResourceController(ApiResources resources, RequestBodies bodies, ObjectReader reader, Responses responses,
                              Watches watches, ListPages pages) {
        this.resources = resources;
        this.bodies = bodies;
        this.reader = reader;
        this.responses = responses;
        this.watches = watches;
        this.pages = pages;
    }

    @GetMapping(value = ROOT + "**", params = "!watch")
    public ResponseEntity<?> get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return read(request, response, path(request));
    }

    @GetMapping(value = ROOT + "**", params = "watch")
    public ResponseEntity<?> watch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiPath path = path(request);
        String watch = request.getParameter("watch");
        if (!(watch.equals("true") || watch.equals("1")) || !path.isCollection()) {
            return read(request, response, path);
        }
        Registry<?> registry = resources.registry(path.resource());
        if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            // Watches are served as HTTP streams only. The Upgrade header is ignored (as HTTP allows) and the
            // stream ends at once, which a watcher treats as "watch again"; clients such as fabric8 then
            // retry over a plain HTTP stream instead of waiting on a handshake that never completes.
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json").body(new byte[0]);
        }
        boolean table = Tables.wantsTable(request.getHeader(HttpHeaders.ACCEPT));
        ResponseBodyEmitter emitter = watches.open(registry, path.namespace(), selection(request),
                request.getParameter("resourceVersion"), longParam(request, "timeoutSeconds"),
                "true".equals(request.getParameter("allowWatchBookmarks")),
                new WatchSession.Format(table, request.getParameter("includeObject")));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json").body(emitter);
    }

    @PostMapping(ROOT + "**")
    public void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiPath path = path(request);
        if (!path.isCollection() || path.subresource() != null) {
            throw ApiException.methodNotAllowed("POST is not supported on " + request.getRequestURI());
        }
        Registry<?> registry = resources.registry(path.resource());
        created(registry, path, request, response);
    }

    @PutMapping(ROOT + "**")
    public void update(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiPath path = path(request);
        Registry<?> registry = resources.registry(path.resource());
        requireItem(path, request);
        replaced(registry, path, request, response);
    }

    @PatchMapping(ROOT + "**")
    public void patch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiPath path = path(request);
        Registry<?> registry = resources.registry(path.resource());
        boolean status = requireItem(path, request);
        PatchType type = PatchType.fromContentType(request.getContentType());
        JsonNode patch = bodies.parse(bodies.read(request), "application/json");
        StoredObject<?> result = registry.patch(path.namespace(), path.name(), status, type, patch, dryRun(request));
        responses.write(response, HttpStatus.OK, result.json());
    }

    @DeleteMapping(ROOT + "**")
    public ResponseEntity<byte[]> delete(HttpServletRequest request) {
        ApiPath path = path(request);
        Registry<?> registry = resources.registry(path.resource());
        DeleteOptions options = deleteOptions(request);
        if (path.isCollection()) {
            ListResult<? extends HasMetadata> matching = registry.list(path.namespace(), selection(request));
            List<HasMetadata> deleted = new ArrayList<>();
            for (HasMetadata item : matching.items()) {
                deleted.add(registry.delete(item.getMetadata().getNamespace(), item.getMetadata().getName(), options,
                        dryRun(request)).object());
            }
            return responses.list(registry.definition(),
                    new ListResult<>(deleted, matching.revision()));
        }
        if (path.subresource() != null) {
            throw ApiException.methodNotAllowed("DELETE is not supported on " + request.getRequestURI());
        }
        DeleteOutcome<?> outcome = registry.delete(path.namespace(), path.name(), options, dryRun(request));
        return responses.object(HttpStatus.OK, outcome.object());
    }

    /** Null when the answer is written already (a stored object as it is). */
    private ResponseEntity<?> read(HttpServletRequest request, HttpServletResponse response, ApiPath path)
            throws IOException {
        Registry<?> registry = resources.registry(path.resource());
        boolean table = Tables.wantsTable(request.getHeader(HttpHeaders.ACCEPT));
        if (path.isCollection()) {
            Selection selection = selection(request);
            ListPages.Page page = pages.page(longParam(request, "limit"),
                    request.getParameter("continue"), () -> readList(registry, path.namespace(), selection));
            return table
                    ? responses.table(registry.definition(), page, request.getParameter("includeObject"))
                    : responses.list(registry.definition(), page);
        }
        if (path.subresource() != null && !path.subresource().equals("status")) {
            throw ApiException.notFoundPath(request.getRequestURI());
        }
        StoredObject<?> object = registry.read(path.namespace(), path.name());
        if (table) {
            return responses.table(registry.definition(), List.of(object.view()), object.revision(),
                    request.getParameter("includeObject"));
        }
        responses.write(response, HttpStatus.OK, object.json());
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ListResult<StoredObject<?>> readList(Registry<?> registry, String namespace, Selection selection) {
        return (ListResult) registry.readList(namespace, selection);
    }

    private <T extends HasMetadata> void created(Registry<T> registry, ApiPath path, HttpServletRequest request,
                                                 HttpServletResponse response) throws IOException {
        ObjectReader.Decoded<T> decoded = reader.decode(registry.definition(), request);
        StoredObject<T> result = registry.createStored(path.namespace(), decoded.object(), dryRun(request));
        decoded.addWarnings(response);
        responses.write(response, HttpStatus.CREATED, result.json());
    }

    private <T extends HasMetadata> void replaced(Registry<T> registry, ApiPath path, HttpServletRequest request,
                                                  HttpServletResponse response) throws IOException {
        ObjectReader.Decoded<T> decoded = reader.decode(registry.definition(), request);
        if (path.subresource() != null) {
            StoredObject<T> result = registry.updateStatus(path.namespace(), path.name(), decoded.object(),
                    dryRun(request));
            decoded.addWarnings(response);
            responses.write(response, HttpStatus.OK, result.json());
            return;
        }
        Registry.Written<T> written = registry.update(path.namespace(), path.name(), decoded.object(), dryRun(request));
        decoded.addWarnings(response);
        responses.write(response, written.created() ? HttpStatus.CREATED : HttpStatus.OK, written.object().json());
    }

    /** Returns true when the path targets the status subresource (the only generic one). */
    private static boolean requireItem(ApiPath path, HttpServletRequest request) {
        if (path.isCollection()) {
            throw ApiException.methodNotAllowed(request.getMethod() + " is not supported on a collection");
        }
        if (path.subresource() != null && !path.subresource().equals("status")) {
            throw ApiException.notFoundPath(request.getRequestURI());
        }
        return path.subresource() != null;
    }

    private DeleteOptions deleteOptions(HttpServletRequest request) {
        byte[] body = bodies.read(request);
        DeleteOptions options = body.length == 0 ? new DeleteOptions() : reader.deleteOptions(body);
        Long grace = longParam(request, "gracePeriodSeconds");
        if (grace != null) {
            options.setGracePeriodSeconds(grace);
        }
        String policy = request.getParameter("propagationPolicy");
        if (policy != null) {
            options.setPropagationPolicy(policy);
        }
        if (options.getGracePeriodSeconds() != null && options.getGracePeriodSeconds() < 0) {
            throw ApiException.badRequest("gracePeriodSeconds must not be negative");
        }
        return options;
    }

    private ApiPath path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        ApiPath path = request.getAttribute(ObjectPathHandlerMapping.PARSED_PATH) instanceof ApiPath parsed ? parsed
                : ApiPath.parse(uri.substring(uri.indexOf(ROOT) + ROOT.length()), resources.namespacedPlurals());
        if (!resources.serves(path.resource())) {
            throw ApiException.notFoundPath(uri);
        }
        boolean namespaced = resources.registry(path.resource()).definition().namespaced();
        if (namespaced && path.namespace() == null && !path.isCollection()) {
            throw ApiException.notFoundPath(uri);
        }
        return path;
    }

    private static Selection selection(HttpServletRequest request) {
        return Selection.parse(request.getParameter("labelSelector"), request.getParameter("fieldSelector"));
    }

    private static boolean dryRun(HttpServletRequest request) {
        String dryRun = request.getParameter("dryRun");
        if (dryRun == null || dryRun.isEmpty()) {
            return false;
        }
        if (!dryRun.equals("All")) {
            throw ApiException.badRequest("dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
        }
        return true;
    }

    private static Long longParam(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": invalid value \"" + value + "\": must be an integer");
        }
    }
}
