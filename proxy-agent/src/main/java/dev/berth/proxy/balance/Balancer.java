package dev.berth.proxy.balance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses endpoints for one service port: round robin, or the client's previous endpoint while its
 * {@code ClientIP} affinity lasts. Pure apart from its own state: time comes in as an argument (nanoseconds
 * of a monotonic clock), so tests drive it with plain numbers. Safe for concurrent use by event loops.
 */
public final class Balancer {

    private record Targets(List<Backend> backends, long affinityNanos) {
    }

    private record Sticky(Backend backend, long lastUsed) {
    }

    private volatile Targets targets = new Targets(List.of(), 0);
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Sticky> affinity = new ConcurrentHashMap<>();

    /**
     * @param affinity {@code null} or zero for none, else how long a client keeps its endpoint after its
     *                 last connection
     */
    public void update(List<Backend> backends, Duration affinity) {
        long nanos = affinity == null ? 0 : affinity.toNanos();
        targets = new Targets(List.copyOf(backends), nanos);
        if (nanos == 0) {
            this.affinity.clear();
        } else {
            this.affinity.values().removeIf(s -> !backends.contains(s.backend()));
        }
    }

    public List<Backend> backends() {
        return targets.backends();
    }

    /**
     * The endpoints to try for a new connection from {@code client}, best first: the caller dials them in
     * order until one accepts. Empty when the service has no ready endpoint.
     */
    public List<Backend> attemptOrder(String client, long now) {
        Targets current = targets;
        List<Backend> backends = current.backends();
        int n = backends.size();
        if (n == 0) {
            return List.of();
        }
        int start = -1;
        if (current.affinityNanos() > 0) {
            Sticky sticky = affinity.get(client);
            if (sticky != null && now - sticky.lastUsed() <= current.affinityNanos()) {
                start = backends.indexOf(sticky.backend());
            }
        }
        if (start < 0) {
            start = Math.floorMod(next.getAndIncrement(), n);
        }
        List<Backend> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(backends.get((start + i) % n));
        }
        return order;
    }

    /** A connection from {@code client} reached {@code backend}: with affinity on, it sticks there. */
    public void connected(String client, Backend backend, long now) {
        if (targets.affinityNanos() > 0) {
            affinity.put(client, new Sticky(backend, now));
        }
    }

    /** Forgets affinities older than their timeout, so clients that went away do not accumulate. */
    public void forgetExpired(long now) {
        long limit = targets.affinityNanos();
        affinity.values().removeIf(s -> now - s.lastUsed() > limit);
    }
}
