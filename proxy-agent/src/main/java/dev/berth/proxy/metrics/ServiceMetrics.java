package dev.berth.proxy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service port's meters, tagged {@code namespace}, {@code service}, {@code port}. Counters are striped
 * adders, so event loops update them without contention.
 */
public final class ServiceMetrics {

    private final AtomicInteger active = new AtomicInteger();
    private final Counter accepted;
    private final Counter bytesToBackend;
    private final Counter bytesToClient;
    private final Counter connectFailures;
    private final Counter noEndpoints;
    private final List<Meter> meters;

    ServiceMetrics(MeterRegistry registry, Tags tags) {
        Gauge gauge = Gauge.builder("berth.proxy.connections.active", active, AtomicInteger::get)
                .description("Client connections open through the proxy").tags(tags).register(registry);
        accepted = Counter.builder("berth.proxy.connections").description("Client connections accepted")
                .tags(tags).register(registry);
        bytesToBackend = Counter.builder("berth.proxy.bytes").baseUnit("bytes").tags(tags)
                .tag("direction", "to-backend").register(registry);
        bytesToClient = Counter.builder("berth.proxy.bytes").baseUnit("bytes").tags(tags)
                .tag("direction", "to-client").register(registry);
        connectFailures = Counter.builder("berth.proxy.connect.failures")
                .description("Connections to endpoints that failed (the next endpoint is tried)")
                .tags(tags).register(registry);
        noEndpoints = Counter.builder("berth.proxy.no.endpoints")
                .description("Client connections closed because the service had no endpoint to take them")
                .tags(tags).register(registry);
        meters = List.of(gauge, accepted, bytesToBackend, bytesToClient, connectFailures, noEndpoints);
    }

    public void opened() {
        accepted.increment();
        active.incrementAndGet();
    }

    public void closed() {
        active.decrementAndGet();
    }

    public int active() {
        return active.get();
    }

    public void toBackend(int bytes) {
        bytesToBackend.increment(bytes);
    }

    public void toClient(int bytes) {
        bytesToClient.increment(bytes);
    }

    public void connectFailed() {
        connectFailures.increment();
    }

    public void noEndpoints() {
        noEndpoints.increment();
    }

    List<Meter> meters() {
        return meters;
    }
}
