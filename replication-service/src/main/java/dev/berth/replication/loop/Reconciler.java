package dev.berth.replication.loop;

import java.time.Duration;

/**
 * Brings one object (named by its {@code namespace/name} key) to its desired state from what the informer
 * caches hold now. Idempotent: it may run any number of times for the same key. Throwing re-queues the key
 * with back-off.
 */
public interface Reconciler {

    Result reconcile(String key);

    /** What the loop does with the key next. */
    record Result(Duration requeueAfter) {

        public static final Result DONE = new Result(null);

        public static Result requeueAfter(Duration delay) {
            return new Result(delay);
        }
    }
}
