package dev.berth.proxy.sync;

import dev.berth.proxy.balance.Backend;
import dev.berth.proxy.metrics.ProxyMetrics;
import dev.berth.proxy.routing.ListenKey;
import dev.berth.proxy.routing.Listener;
import dev.berth.proxy.routing.ListenerFactory;
import dev.berth.proxy.routing.PortTarget;
import dev.berth.proxy.routing.Protocol;
import dev.berth.proxy.routing.RoutePlan;
import dev.berth.proxy.routing.ServicePortName;
import dev.berth.proxy.routing.ServiceRoute;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor half of the sync, against listeners that only record what was done to them. */
class ProxierTest {

    private static final ServicePortName WEB = new ServicePortName("default", "web", "http");
    private static final ServicePortName API = new ServicePortName("default", "api", "http");
    private static final ListenKey P8080 = new ListenKey(Protocol.TCP, 8080);
    private static final ListenKey P9090 = new ListenKey(Protocol.TCP, 9090);

    private final Map<ListenKey, FakeListener> opened = new HashMap<>();
    private final Set<ListenKey> busy = new HashSet<>();
    private final List<String> openedOn = new ArrayList<>();
    private final ListenerFactory factory = (address, key, route) -> {
        if (busy.contains(key)) {
            throw new IllegalStateException("address in use");
        }
        FakeListener listener = new FakeListener(route);
        opened.put(key, listener);
        openedOn.add(address + ":" + key);
        return listener;
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Proxier proxier = new Proxier(factory, new ProxyMetrics(registry), List.of("127.0.0.50"));

    private static final class FakeListener implements Listener {
        final List<ServicePortName> routes = new ArrayList<>();
        boolean closed;

        FakeListener(ServiceRoute route) {
            routes.add(route.name());
        }

        @Override
        public void route(ServiceRoute route) {
            routes.add(route.name());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static RoutePlan plan(Map<ListenKey, ServicePortName> listeners, ServicePortName... ports) {
        Map<ServicePortName, PortTarget> targets = new HashMap<>();
        for (ServicePortName port : ports) {
            targets.put(port, new PortTarget(List.of(new Backend("127.0.0.51", 1000)), null));
        }
        return new RoutePlan(listeners, targets, List.of());
    }

    @Test
    void unchangedListenersAreLeftAloneWhileOthersOpenAndClose() {
        proxier.apply(plan(Map.of(P8080, WEB, P9090, API), WEB, API));
        FakeListener web = opened.get(P8080);

        proxier.apply(plan(Map.of(P8080, WEB), WEB));

        assertThat(web.closed).isFalse();
        assertThat(web.routes).containsExactly(WEB);
        assertThat(opened.get(P9090).closed).isTrue();
        assertThat(registry.find("berth.proxy.connections").tag("service", "api").meters()).isEmpty();
    }

    @Test
    void aPortThatMovesToAnotherServiceIsRetargetedNotReopened() {
        proxier.apply(plan(Map.of(P8080, WEB), WEB, API));
        FakeListener listener = opened.get(P8080);

        proxier.apply(plan(Map.of(P8080, API), WEB, API));

        assertThat(opened.get(P8080)).isSameAs(listener);
        assertThat(listener.closed).isFalse();
        assertThat(listener.routes).containsExactly(WEB, API);
    }

    @Test
    void aPortThatCannotBeBoundIsReportedAndRetriedAtTheNextSync() {
        busy.add(P8080);
        proxier.apply(plan(Map.of(P8080, WEB), WEB));
        assertThat(proxier.state().unbindable()).containsExactly(new Proxier.Socket("127.0.0.50", P8080));

        busy.clear();
        proxier.apply(plan(Map.of(P8080, WEB), WEB));
        assertThat(proxier.state().unbindable()).isEmpty();
        assertThat(opened).containsKey(P8080);
    }

    @Test
    void everyPortIsOpenedOnEachAddress() {
        Proxier both = new Proxier(factory, new ProxyMetrics(registry), List.of("127.0.0.50", "172.17.0.1"));
        both.apply(plan(Map.of(P8080, WEB), WEB));
        assertThat(openedOn).containsExactlyInAnyOrder("127.0.0.50:8080/TCP", "172.17.0.1:8080/TCP");
        assertThat(both.state().listeners()).isEqualTo(2);
    }
}
