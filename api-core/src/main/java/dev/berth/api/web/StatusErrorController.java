package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised outside a controller (in a servlet filter, or by the container) and forwarded to
 * {@code /error} leave as a Kubernetes {@code Status}, like every other answer of the API, instead of Spring
 * Boot's generic error body.
 */
@RestController
public class StatusErrorController implements ErrorController {

    private final JsonMapper mapper;

    public StatusErrorController(JsonMapper apiJsonMapper) {
        this.mapper = apiJsonMapper;
    }

    @RequestMapping("/error")
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        String message = status >= 500 ? "an internal error occurred"
                : "the request was refused: " + HttpStatus.valueOf(status).getReasonPhrase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(mapper.writeValueAsBytes(ApiException.forCode(status, message).status()));
    }
}
