package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every error leaves as a Kubernetes {@code Status} with its code. Only a fault of the server itself is a 500,
 * and it is logged with its stack trace.
 */
@RestControllerAdvice
public class StatusExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StatusExceptionHandler.class);
    /** An outage fails every request: one warning per interval says so without flooding the log. */
    private static final long STORAGE_WARNING_INTERVAL = TimeUnit.SECONDS.toNanos(10);
    private static final int STORAGE_RETRY_AFTER_SECONDS = 1;

    private final JsonMapper mapper;
    private final AtomicLong lastStorageWarning = new AtomicLong(System.nanoTime() - STORAGE_WARNING_INTERVAL);

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

    /**
     * The storage could not be reached or did not answer in time (Redis stopped, restarting, or its connection
     * pool exhausted): the server's state, not the request, so a 503 the client retries, as kube-apiserver
     * answers while etcd is unavailable. A write that timed out may still have been applied; a retried create
     * then finds it (409 AlreadyExists), a retried update its new resourceVersion (409 Conflict).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    public ResponseEntity<byte[]> storageUnavailable(DataAccessException e) {
        long now = System.nanoTime();
        long last = lastStorageWarning.get();
        if (now - last >= STORAGE_WARNING_INTERVAL && lastStorageWarning.compareAndSet(last, now)) {
            log.warn("Storage unavailable, answering 503: {}", e.getMostSpecificCause().toString());
        }
        // The cause (Redis' address, the driver's words) goes to the log, not to clients.
        return status(ApiException.unavailable("the API's storage is unavailable, try again later",
                STORAGE_RETRY_AFTER_SECONDS));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Internal error", e);
        return status(ApiException.internal("an internal error occurred: " + e.getClass().getSimpleName()));
    }

    private ResponseEntity<byte[]> status(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(e.code()))
                .contentType(MediaType.APPLICATION_JSON);
        Integer retryAfter = e.status().getDetails() == null ? null : e.status().getDetails().getRetryAfterSeconds();
        if (retryAfter != null && retryAfter > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
        }
        return answer.body(mapper.writeValueAsBytes(e.status()));
    }
}
