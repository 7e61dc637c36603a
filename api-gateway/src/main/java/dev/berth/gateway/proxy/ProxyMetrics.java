package dev.berth.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times each proxied request as Spring Cloud Gateway times its routes ({@code spring.cloud.gateway.requests}, the
 * same tags), so dashboards see one series whichever path served a request. Timers are kept per route, method and
 * code; a method outside HTTP's own is counted as {@code OTHER}, so clients cannot add series at will.
 */
final class ProxyMetrics {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String backend, HttpMethod requestMethod, int code, long startedNanos) {
        String method = METHODS.contains(requestMethod.name()) ? requestMethod.name() : "OTHER";
        timers.computeIfAbsent(backend + ' ' + method + ' ' + code, key -> timer(backend, method, code))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String backend, String method, int code) {
        HttpStatus status = HttpStatus.resolve(code);
        HttpStatus.Series series = HttpStatus.Series.resolve(code);
        return Timer.builder("spring.cloud.gateway.requests")
                .tag("routeId", backend)
                .tag("routeUri", "lb://" + backend)
                .tag("outcome", series == null ? "CUSTOM" : series.name())
                .tag("status", status == null ? "CUSTOM" : status.name())
                .tag("httpStatusCode", Integer.toString(code))
                .tag("httpMethod", method)
                .register(registry);
    }
}
