package dev.berth.node.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One worker per pod, as the kubelet's pod workers: each pod is synced by at most one thread at a time, and any
 * number of pods at once, so a slow stop, pull or start of one pod never delays another. A request to sync a
 * pod whose sync is running is remembered and served by that worker when it finishes (requests collapse: the
 * sync reads the pod's latest state anyway).
 *
 * <p>Threads come from an unbounded pool and end after a short idle time: a node runs at most its pod capacity
 * of them, and usually none between events.
 */
final class PodWorkers implements AutoCloseable {

    private final Consumer<String> sync;
    /** Pods with a worker; the value says whether another sync was requested while it runs. */
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService threads;

    PodWorkers(Consumer<String> sync) {
        this.sync = sync;
        AtomicInteger ids = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "berth-pod-worker-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Syncs the pod soon: now if it has no worker, else right after its running sync. */
    void request(String podKey) {
        boolean[] idle = {false};
        inFlight.compute(podKey, (key, pending) -> {
            idle[0] = pending == null;
            return !idle[0];
        });
        if (idle[0]) {
            threads.execute(() -> work(podKey));
        }
    }

    private void work(String podKey) {
        do {
            sync.accept(podKey);
        } while (inFlight.computeIfPresent(podKey, (key, pending) -> pending ? Boolean.FALSE : null) != null);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
