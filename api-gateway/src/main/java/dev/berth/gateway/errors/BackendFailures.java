package dev.berth.gateway.errors;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a client is told when a backend call got no answer (the breaker's fallback, on both request paths):
 * <ul>
 *   <li>Too many calls already in flight to the backend (the bulkhead): 429 TooManyRequests, as kube-apiserver
 *       answers beyond its {@code --max-requests-inflight}. The backend is not failing, only busy.</li>
 *   <li>Anything else (the breaker is open, the backend refused or dropped the connection): 503.</li>
 * </ul>
 * Both carry {@code Retry-After: 1}, which client-go and fabric8 wait for and then retry. Why a call failed is
 * logged at most once per 10 s per backend: the client's Status does not say (it is not the client's concern).
 */
@Component
public class BackendFailures {

    private static final Logger log = LoggerFactory.getLogger(BackendFailures.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;
    public static final int RETRY_AFTER_SECONDS = 1;

    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    /** The Status for a call to {@code service} that failed with {@code cause} (null when none was recorded). */
    public Refusal refusal(String service, Throwable cause) {
        if (cause instanceof BulkheadFullException) {
            return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "too many requests in flight to " + service + "; try again shortly");
        }
        warnAtMostEvery10Seconds(service, cause);
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                service + " is unavailable; try again shortly");
    }

    private void warnAtMostEvery10Seconds(String service, Throwable cause) {
        long now = System.nanoTime();
        long warned = lastWarned.compute(service,
                (s, last) -> last == null || now - last >= WARN_EVERY_NANOS ? now : last);
        if (warned == now) {
            log.warn("{} answered 503: {}", service, cause == null ? "no cause recorded" : cause.toString());
        }
    }

    public record Refusal(HttpStatus status, String reason, String message) {
    }
}
