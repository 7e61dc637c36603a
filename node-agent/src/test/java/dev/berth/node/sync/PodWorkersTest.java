package dev.berth.node.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PodWorkersTest {

    @Test
    void aPodStuckInItsSyncDelaysNoOtherPod() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> synced = new CopyOnWriteArrayList<>();
        try (PodWorkers workers = new PodWorkers(key -> {
            if (key.equals("slow")) {
                waitFor(release);
            }
            synced.add(key);
        })) {
            workers.request("slow");
            for (int i = 0; i < 50; i++) {
                workers.request("pod-" + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 50);
            assertThat(synced).doesNotContain("slow");
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> synced.contains("slow"));
        }
    }

    @Test
    void requestsDuringASyncCollapseIntoOneMoreSyncAndNeverOverlap() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        try (PodWorkers workers = new PodWorkers(key -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (syncs.incrementAndGet() == 1) {
                waitFor(release);
            }
            running.decrementAndGet();
        })) {
            workers.request("p");
            await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() == 1);
            for (int i = 0; i < 100; i++) {
                workers.request("p");
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() == 2);
            // A request after the worker is done starts a fresh sync.
            workers.request("p");
            await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() == 3);
            assertThat(overlaps.get()).isZero();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
