package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error leaves as a Kubernetes {@code Status} with its code. Only a fault of the server itself is a 500,
 * and it is logged with its stack trace.
 */
@RestControllerAdvice
public class StatusExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StatusExceptionHandler.class);

    private final JsonMapper mapper;

    public StatusExceptionHandler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<byte[]> api(ApiException e) {
        return status(e);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e) {
        return status(ApiException.methodNotAllowed(e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(ApiException.unsupportedMediaType(e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<byte[]> noResource(NoResourceFoundException e) {
        return status(ApiException.notFoundPath("/" + e.getResourcePath()));
    }

    /** A watcher that went away (a restarted gateway, a closed kubectl): nothing to answer, nothing to log. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void disconnected() {
        // The response can no longer be written.
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Internal error", e);
        return status(ApiException.internal("an internal error occurred: " + e.getClass().getSimpleName()));
    }

    private ResponseEntity<byte[]> status(ApiException e) {
        return ResponseEntity.status(HttpStatus.valueOf(e.code()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.writeValueAsBytes(e.status()));
    }
}
