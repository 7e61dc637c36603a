package dev.berth.gateway.errors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes Kubernetes {@code Status} failures, so kubectl and fabric8 show the gateway's refusals properly. */
public final class StatusResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatusResponses() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String reason, String message) {
        return write(response, status, reason, message, null);
    }

    /**
     * @param retryAfterSeconds when the client may try again (the {@code Retry-After} header and the Status'
     *                          {@code details.retryAfterSeconds}, which client-go and fabric8 honour), or null
     */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String reason, String message,
                                   Integer retryAfterSeconds) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (retryAfterSeconds != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds.toString());
        }
        DataBuffer body = response.bufferFactory().wrap(json(status.value(), reason, message, retryAfterSeconds)
                .getBytes(StandardCharsets.UTF_8));
        // Written from another thread, so that the exchange does not end inside the call that started it.
        // When such an answer went to a request that had arrived on a kept-alive connection while the previous
        // (proxied) exchange was still ending, Reactor Netty 1.3 stopped reading the connection, and the
        // client's next request hung unanswered (reactor/reactor-netty#4361, fixed after 1.3.8).
        return response.writeWith(Mono.just(body)).subscribeOn(Schedulers.parallel());
    }

    public static String json(int code, String reason, String message) {
        return json(code, reason, message, null);
    }

    public static String json(int code, String reason, String message, Integer retryAfterSeconds) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", Map.of());
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (retryAfterSeconds != null) {
            status.put("details", Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        status.put("code", code);
        return JSON.writeValueAsString(status);
    }
}
