package dev.berth.api.config;

import dev.berth.api.errors.ApiException;
import dev.berth.api.openapi.OpenApiDocuments;
import dev.berth.api.resource.PeerResources;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.web.ApiResources;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes-style OpenAPI documents kubectl uses for validation and {@code kubectl explain}. (The
 * springdoc Swagger UI documents Berth's own REST surface separately.)
 */
@RestController
public class OpenApiController {

    private final OpenApiDocuments documents;

    public OpenApiController(ApiResources resources, PeerResources peers) {
        List<ResourceDefinition<?>> all = new ArrayList<>(resources.definitions());
        all.addAll(peers.definitions());
        this.documents = new OpenApiDocuments(all);
    }

    /**
     * Served as JSON only. kubectl asks for protobuf here and, told 406, moves on; it reads
     * {@code /openapi/v3} first anyway.
     */
    @GetMapping("/openapi/v2")
    public ResponseEntity<String> v2(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.contains("json") && !accept.contains("*/*")) {
            throw ApiException.notAcceptable("only application/json is available for /openapi/v2, not " + accept);
        }
        return json(documents.v2());
    }

    @GetMapping("/openapi/v3")
    public ResponseEntity<String> v3() {
        return json(documents.v3Root());
    }

    @GetMapping("/openapi/v3/**")
    public ResponseEntity<String> v3GroupVersion(HttpServletRequest request) {
        String path = request.getRequestURI().substring("/openapi/v3/".length());
        return json(documents.v3GroupVersion(path).orElseThrow(() -> ApiException.notFoundPath(request.getRequestURI())));
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
