package dev.berth.gateway.errors;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a backend's circuit breaker sends a call that did not get an answer: a fast Status instead of a hang,
 * telling the client when to try again.
 * <ul>
 *   <li>Too many calls already in flight to the backend (the bulkhead): 429 TooManyRequests, as kube-apiserver
 *       answers beyond its {@code --max-requests-inflight}. The backend is not failing, only busy.</li>
 *   <li>Anything else (the breaker is open, the backend refused or dropped the connection): 503.</li>
 * </ul>
 * Both carry {@code Retry-After: 1}, which client-go and fabric8 wait for and then retry. Why a call failed is
 * logged at most once per 10 s per backend: the client's Status does not say (it is not the client's concern).
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof BulkheadFullException) {
            return StatusResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "too many requests in flight to " + service + "; try again shortly", 1);
        }
        warnAtMostEvery10Seconds(service, cause);
        return StatusResponses.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                service + " is unavailable; try again shortly", 1);
    }

    private void warnAtMostEvery10Seconds(String service, Throwable cause) {
        long now = System.nanoTime();
        long warned = lastWarned.compute(service,
                (s, last) -> last == null || now - last >= WARN_EVERY_NANOS ? now : last);
        if (warned == now) {
            log.warn("{} answered 503: {}", service, cause == null ? "no cause recorded" : cause.toString());
        }
    }
}
