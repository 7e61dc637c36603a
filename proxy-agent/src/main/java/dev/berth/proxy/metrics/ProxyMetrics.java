package dev.berth.proxy.metrics;

import dev.berth.proxy.routing.ServicePortName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/** Creates and removes the meters of service ports as they come and go. */
@Component
public class ProxyMetrics {

    private final MeterRegistry registry;

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public ServiceMetrics forPort(ServicePortName name) {
        return new ServiceMetrics(registry, Tags.of("namespace", name.namespace(), "service", name.service(),
                "port", name.port()));
    }

    public void remove(ServiceMetrics metrics) {
        metrics.meters().forEach(registry::remove);
    }
}
