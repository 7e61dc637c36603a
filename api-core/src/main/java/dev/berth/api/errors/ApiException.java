package dev.berth.api.errors;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;

import java.util.List;

/**
 * An API error that reaches the client as a Kubernetes {@code Status} with its HTTP code.
 * Anything a client can cause must be thrown as one of these, so it never becomes a 500.
 */
public class ApiException extends RuntimeException {

    private final transient Status status;

    public ApiException(Status status) {
        super(status.getMessage());
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public int code() {
        return status.getCode();
    }

    public String reason() {
        return status.getReason();
    }

    public static ApiException badRequest(String message) {
        return of(400, "BadRequest", message, null, null);
    }

    public static ApiException unauthorized(String message) {
        return of(401, "Unauthorized", message, null, null);
    }

    public static ApiException forbidden(String message) {
        return of(403, "Forbidden", message, null, null);
    }

    public static ApiException notFound(String resource, String name) {
        return of(404, "NotFound", resource + " \"" + name + "\" not found", resource, name);
    }

    public static ApiException notFoundPath(String path) {
        return of(404, "NotFound", "the server could not find the requested resource (" + path + ")", null, null);
    }

    public static ApiException methodNotAllowed(String message) {
        return of(405, "MethodNotAllowed", message, null, null);
    }

    public static ApiException notAcceptable(String message) {
        return of(406, "NotAcceptable", message, null, null);
    }

    public static ApiException alreadyExists(String resource, String name) {
        return of(409, "AlreadyExists", resource + " \"" + name + "\" already exists", resource, name);
    }

    public static ApiException conflict(String resource, String name, String why) {
        return of(409, "Conflict", "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why,
                resource, name);
    }

    public static ApiException gone(String message) {
        return of(410, "Expired", message, null, null);
    }

    public static ApiException tooLarge(String message) {
        return of(413, "RequestEntityTooLarge", message, null, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return of(415, "UnsupportedMediaType", message, null, null);
    }

    public static ApiException invalid(String kind, String name, List<FieldError> errors) {
        String joined = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "[" + String.join(", ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()) + "]";
        List<StatusCause> causes = errors.stream()
                .map(e -> new StatusCause(e.field(), e.message(), e.type().reason()))
                .toList();
        Status status = new StatusBuilder()
                .withStatus("Failure")
                .withCode(422)
                .withReason("Invalid")
                .withMessage(kind + " \"" + name + "\" is invalid: " + joined)
                .withDetails(new StatusDetailsBuilder().withName(name).withKind(kind).withCauses(causes).build())
                .build();
        return new ApiException(status);
    }

    /** 422 for a request that is well-formed but cannot be applied, e.g. a JSON patch whose test fails. */
    public static ApiException unprocessable(String message) {
        return of(422, "Invalid", message, null, null);
    }

    public static ApiException internal(String message) {
        return of(500, "InternalError", message, null, null);
    }

    public static ApiException unavailable(String message) {
        return of(503, "ServiceUnavailable", message, null, null);
    }

    /**
     * 503 that the client should retry after {@code retryAfterSeconds}: the Status carries it in its details and
     * the answer in a {@code Retry-After} header, which client-go and fabric8 honour by retrying.
     */
    public static ApiException unavailable(String message, int retryAfterSeconds) {
        return new ApiException(new StatusBuilder().withStatus("Failure").withCode(503).withReason("ServiceUnavailable")
                .withMessage(message)
                .withDetails(new StatusDetailsBuilder().withRetryAfterSeconds(retryAfterSeconds).build())
                .build());
    }

    /** An error the HTTP layer raised with only a code (a path Tomcat refuses, a servlet error), as a Status. */
    public static ApiException forCode(int code, String message) {
        String reason = switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> code >= 500 ? "InternalError" : "BadRequest";
        };
        return of(code, reason, message, null, null);
    }

    private static ApiException of(int code, String reason, String message, String kind, String name) {
        StatusBuilder b = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message);
        if (kind != null || name != null) {
            b.withDetails(new StatusDetailsBuilder().withKind(kind).withName(name).build());
        }
        return new ApiException(b.build());
    }
}
