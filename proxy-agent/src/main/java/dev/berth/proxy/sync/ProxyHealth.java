package dev.berth.proxy.sync;

import dev.berth.proxy.transport.Transport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up once the listeners have matched the API's Services; ports that could not be bound are shown. */
@Component("proxy")
class ProxyHealth implements HealthIndicator {

    private final ServiceSync sync;
    private final Transport transport;

    ProxyHealth(ServiceSync sync, Transport transport) {
        this.sync = sync;
        this.transport = transport;
    }

    @Override
    public Health health() {
        Proxier.State state = sync.state();
        Health.Builder health = sync.synced() ? Health.up() : Health.outOfService();
        return health.withDetail("transport", transport.name()).withDetail("servicePorts", state.routes()).withDetail("listeners", state.listeners())
                .withDetail("unbindable", state.unbindable().stream().map(Object::toString).sorted().toList())
                .build();
    }
}
