package dev.berth.proxy.sync;

import dev.berth.proxy.balance.Balancer;
import dev.berth.proxy.metrics.ProxyMetrics;
import dev.berth.proxy.routing.ListenKey;
import dev.berth.proxy.routing.Listener;
import dev.berth.proxy.routing.ListenerFactory;
import dev.berth.proxy.routing.PortTarget;
import dev.berth.proxy.routing.RoutePlan;
import dev.berth.proxy.routing.ServicePortName;
import dev.berth.proxy.routing.ServiceRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the node's sockets match a {@link RoutePlan}: updates routes in place, opens missing listeners,
 * retargets listeners whose port moved to another service, closes the rest. A listener whose service is
 * unchanged is never touched, so its connections carry on. Called from one thread only.
 */
class Proxier {

    private static final Logger log = LoggerFactory.getLogger(Proxier.class);

    private final ListenerFactory listenerFactory;
    private final ProxyMetrics metrics;
    private final List<String> addresses;
    private final Map<ServicePortName, ServiceRoute> routes = new HashMap<>();
    private final Map<Socket, Open> listeners = new HashMap<>();
    private final Set<Socket> unbindable = new HashSet<>();

    /** A planned listen key on one of the agent's addresses. */
    record Socket(String address, ListenKey key) {
        @Override
        public String toString() {
            return address + ":" + key;
        }
    }

    private record Open(Listener listener, ServicePortName serving) {
    }

    /** What the health endpoint shows. */
    record State(int routes, int listeners, Set<Socket> unbindable) {
    }

    /** @param addresses where every planned port is opened: the node address, and the pods' one if any */
    Proxier(ListenerFactory listenerFactory, ProxyMetrics metrics, List<String> addresses) {
        this.listenerFactory = listenerFactory;
        this.metrics = metrics;
        this.addresses = List.copyOf(addresses);
    }

    void apply(RoutePlan plan) {
        plan.targets().forEach(this::updateRoute);
        listeners.entrySet().removeIf(e -> {
            if (plan.listeners().containsKey(e.getKey().key())) {
                return false;
            }
            log.info("Closing {} (was {})", e.getKey(), e.getValue().serving());
            e.getValue().listener().close();
            return true;
        });
        unbindable.clear();
        plan.listeners().forEach((key, name) -> addresses.forEach(address -> listen(new Socket(address, key), name)));
        routes.entrySet().removeIf(e -> {
            if (plan.targets().containsKey(e.getKey())) {
                return false;
            }
            metrics.remove(e.getValue().metrics());
            return true;
        });
        plan.conflicts().forEach(c -> log.warn("Port conflict: {}", c));
    }

    private void updateRoute(ServicePortName name, PortTarget target) {
        ServiceRoute route = routes.computeIfAbsent(name,
                n -> new ServiceRoute(n, new Balancer(), metrics.forPort(n)));
        if (!route.balancer().backends().equals(target.backends())) {
            log.info("{} -> {}", name, target.backends());
        }
        route.balancer().update(target.backends(), target.affinity());
    }

    private void listen(Socket key, ServicePortName name) {
        ServiceRoute route = routes.get(name);
        Open open = listeners.get(key);
        if (open != null) {
            if (!open.serving().equals(name)) {
                log.info("Retargeting {} from {} to {}", key, open.serving(), name);
                open.listener().route(route);
                listeners.put(key, new Open(open.listener(), name));
            }
            return;
        }
        try {
            listeners.put(key, new Open(listenerFactory.open(key.address(), key.key(), route), name));
            log.info("Listening on {} for {}", key, name);
        } catch (IllegalStateException e) {
            unbindable.add(key);
            log.warn("{}: {} (retried at the next sync)", name, e.getMessage());
        }
    }

    void forgetExpiredAffinities(long now) {
        routes.values().forEach(r -> r.balancer().forgetExpired(now));
    }

    State state() {
        return new State(routes.size(), listeners.size(), Set.copyOf(unbindable));
    }

    void closeAll() {
        listeners.values().forEach(open -> open.listener().close());
        listeners.clear();
        routes.values().forEach(r -> metrics.remove(r.metrics()));
        routes.clear();
    }
}
