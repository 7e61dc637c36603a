package dev.berth.e2e;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates one namespace every 200 ms through the API, whatever is failing at the time, and remembers which
 * creates were acknowledged (a 201 came back) and which were only attempted. Bounded: at most {@code limit}
 * writes. The client must not retry on its own, or a lost answer would be hidden as a 409 on the retry.
 */
final class AcknowledgedWrites implements AutoCloseable {

    static final String PREFIX = "fault-write-";

    private final KubernetesClient client;
    private final int limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger attempted = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    AcknowledgedWrites(KubernetesClient client, int limit) {
        this.client = client;
        this.limit = limit;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::writeOne, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void writeOne() {
        int n = attempted.get();
        if (n >= limit) {
            return;
        }
        attempted.incrementAndGet();
        String name = PREFIX + n;
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata()
                    .build()).create();
            acknowledged.add(name);
        } catch (RuntimeException e) {
            // Refused, timed out or cut off: it may or may not be stored, and nothing is promised about it.
        }
    }

    /** Stops writing and waits for a write in flight to finish. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    int attempted() {
        return attempted.get();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }
}
