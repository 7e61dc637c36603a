package dev.berth.replication.loop;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Worker threads taking keys from a {@link WorkQueue} and reconciling them: a failure re-queues the key with
 * capped back-off, a success forgets its back-off (and re-queues it if the reconciler asked to look again).
 * Metrics per loop: queue depth, reconcile latency, errors.
 */
public final class ControlLoop {

    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);
    private static final Duration CONFLICT_RETRY = Duration.ofSeconds(1);

    private final String name;
    private final WorkQueue queue;
    private final Reconciler reconciler;
    private final int workers;
    private final Timer latency;
    private final Counter errors;
    private final List<Thread> threads = new ArrayList<>();
    private final MeterRegistry meters;
    private final Gauge depth;

    public ControlLoop(String name, WorkQueue queue, Reconciler reconciler, int workers, MeterRegistry meters) {
        this.name = name;
        this.queue = queue;
        this.reconciler = reconciler;
        this.workers = workers;
        this.latency = Timer.builder("berth.controller.reconcile").tag("controller", name).register(meters);
        this.errors = Counter.builder("berth.controller.errors").tag("controller", name).register(meters);
        this.meters = meters;
        this.depth = Gauge.builder("berth.controller.queue.depth", queue, WorkQueue::depth).tag("controller", name)
                .register(meters);
    }

    public void start() {
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(this::work, name + "-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops taking keys; a reconcile in progress finishes. */
    public void stop() {
        queue.shutDown();
        threads.forEach(Thread::interrupt);
        threads.clear();
        // The next term's queue registers its own gauge under the same name.
        meters.remove(depth);
    }

    private void work() {
        while (true) {
            Optional<String> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            process(next.get());
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() == 409) {
                return e.getSuppressed().length == 0;
            }
        }
        return false;
    }

    private void process(String key) {
        long start = System.nanoTime();
        try {
            Reconciler.Result result = reconciler.reconcile(key);
            queue.forget(key);
            if (result.requeueAfter() != null) {
                queue.addAfter(key, result.requeueAfter());
            }
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                // The cache was behind: the newer version's watch event queues the key again (or already
                // has), so this is no failure to back off from. The short re-queue covers a lost event.
                log.debug("{}: {} changed meanwhile: {}", name, key, e.getMessage());
                queue.addAfter(key, CONFLICT_RETRY);
                return;
            }
            errors.increment();
            log.info("{}: reconciling {} failed, will retry: {}", name, key, e.toString());
            queue.addRateLimited(key);
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - start));
            queue.done(key);
        }
    }
}
