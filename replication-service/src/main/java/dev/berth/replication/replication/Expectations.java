package dev.berth.replication.replication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Creations and deletions a controller has asked for but not yet seen in its pod cache. While any are
 * outstanding the controller does not act on the count again (the cache lags the API, and acting on it would
 * create duplicates). Expectations that are never observed, e.g. after a lost watch event, expire.
 */
final class Expectations {

    private final Map<String, Pending> pending = new HashMap<>();
    private final Clock clock;
    private final Duration ttl;

    Expectations(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    private static final class Pending {
        int creations;
        final Set<String> deletions = new HashSet<>();
        final Instant since;

        Pending(Instant since) {
            this.since = since;
        }
    }

    synchronized void expect(String controller, int creations, Collection<String> deletions) {
        Pending p = new Pending(clock.instant());
        p.creations = creations;
        p.deletions.addAll(deletions);
        pending.put(controller, p);
    }

    /** A pod the controller created appeared in the cache, or its create failed. */
    synchronized void creationObserved(String controller) {
        Pending p = pending.get(controller);
        if (p != null) {
            p.creations--;
        }
    }

    /** A pod the controller deleted is gone or terminating, or its delete failed. */
    synchronized void deletionObserved(String controller, String podKey) {
        Pending p = pending.get(controller);
        if (p != null) {
            p.deletions.remove(podKey);
        }
    }

    synchronized boolean satisfied(String controller) {
        Pending p = pending.get(controller);
        return p == null || (p.creations <= 0 && p.deletions.isEmpty()) || p.since.plus(ttl).isBefore(clock.instant());
    }

    synchronized void forget(String controller) {
        pending.remove(controller);
    }
}
