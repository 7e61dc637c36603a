package dev.berth.gateway.errors;

import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Errors raised inside the gateway (backend unreachable, timeout, no route) as Kubernetes Status objects. */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = switch (status.value()) {
            case 404 -> "NotFound";
            case 413 -> "RequestEntityTooLarge";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> status.is4xxClientError() ? "BadRequest" : "InternalError";
        };
        String message = status.value() == 404 ? "the server could not find the requested resource"
                : status.value() == 503 ? "the backend is unavailable: " + rootMessage(error)
                : status.value() == 504 ? "the backend did not answer in time"
                : rootMessage(error);
        return StatusResponses.write(exchange.getResponse(), known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                reason, message);
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException e) {
            return e.getStatusCode();
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (t instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
