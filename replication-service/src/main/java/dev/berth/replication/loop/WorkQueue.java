package dev.berth.replication.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keys waiting to be reconciled, as client-go's work queue: a key is queued at most once, never handed to two
 * workers at a time (a key added while it is being processed is queued again when its worker is done), and
 * re-queued after failures with a per-key exponential back-off capped at {@code maxDelay}.
 */
public final class WorkQueue {

    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final ScheduledExecutorService timer;
    private boolean shutDown;

    public WorkQueue(String name, Duration baseDelay, Duration maxDelay) {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name + "-delays");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void add(String key) {
        if (shutDown || !dirty.add(key)) {
            return;
        }
        if (!processing.contains(key)) {
            queue.addLast(key);
            notifyAll();
        }
    }

    public void addAfter(String key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        try {
            timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            // The loop stopped: nothing waits for this key any more.
        }
    }

    /** Re-queues after this key's next back-off step. */
    public void addRateLimited(String key) {
        addAfter(key, nextDelay(key));
    }

    /** The key succeeded: its back-off starts again from the base. */
    public synchronized void forget(String key) {
        failures.remove(key);
    }

    synchronized Duration nextDelay(String key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        long millis = baseDelay.toMillis() << Math.min(n, 30);
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    /** The next key, waiting for one; empty once the queue is shut down. */
    public synchronized Optional<String> take() throws InterruptedException {
        while (queue.isEmpty() && !shutDown) {
            wait();
        }
        if (shutDown) {
            return Optional.empty();
        }
        String key = queue.removeFirst();
        processing.add(key);
        dirty.remove(key);
        return Optional.of(key);
    }

    public synchronized void done(String key) {
        processing.remove(key);
        if (dirty.contains(key) && !shutDown) {
            queue.addLast(key);
            notifyAll();
        }
    }

    public synchronized int depth() {
        return queue.size();
    }

    public synchronized void shutDown() {
        shutDown = true;
        timer.shutdownNow();
        notifyAll();
    }
}
