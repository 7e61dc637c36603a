package dev.berth.api.storage.redis;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.Preconditions;
import dev.berth.api.storage.Watch;
import dev.berth.api.storage.WatchEvent;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.berth.api.storage.redis.StorageFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RedisWatchTest {

    @Test
    void everyEventOfConcurrentWritersArrivesExactlyOnceInRevisionOrder() throws Exception {
        try (StorageFixture fixture = new StorageFixture(100_000, 1_000)) {
            RedisStorage storage = fixture.storage;
            long start = storage.currentRevision();
            Recorder live = new Recorder();
            Watch watch = storage.watch("pods", null, start, live);
            int writers = 8;
            int perWriter = 1_250; // 10,000 writes in all: creates, then updates of the writer's own objects
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String name = "w" + writer + "-" + (i % 100);
                        ObjectKey key = new ObjectKey("pods", "ns" + writer, name);
                        if (i < 100) {
                            storage.create(key, pod("ns" + writer, name));
                        } else {
                            int n = i;
                            storage.guaranteedUpdate(key, Pod.class, Preconditions.NONE, (p, previous) -> {
                                p.getMetadata().setAnnotations(Map.of("n", Integer.toString(n)));
                                return p;
                            });
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long end = storage.currentRevision();
            assertThat(end - start).isEqualTo(writers * perWriter);

            await().atMost(Duration.ofSeconds(60)).until(() -> live.events.size() >= writers * perWriter);
            live.assertExactly(start, end);

            // A watch that starts from the middle sees exactly the events after that revision, from the stream
            // (the 1,000-event cache no longer reaches back that far) and then from memory.
            long middle = start + 3_000;
            Recorder resumed = new Recorder();
            Watch second = storage.watch("pods", null, middle, resumed);
            await().atMost(Duration.ofSeconds(60)).until(() -> resumed.events.size() >= end - middle);
            resumed.assertExactly(middle, end);

            // And both keep receiving live events.
            storage.create(new ObjectKey("pods", "ns0", "late"), pod("ns0", "late"));
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.events.size() == end - middle + 1
                    && live.events.size() == end - start + 1);
            watch.close();
            second.close();
        }
    }

    @Test
    void aWatchIsScopedToItsResourceAndNamespace() {
        try (StorageFixture fixture = new StorageFixture(100_000, 1_000)) {
            RedisStorage storage = fixture.storage;
            Recorder inA = new Recorder();
            storage.watch("pods", "a", storage.currentRevision(), inA);
            storage.create(new ObjectKey("pods", "b", "x"), pod("b", "x"));
            storage.create(new ObjectKey("services", "a", "x"), pod("a", "x"));
            storage.create(new ObjectKey("pods", "a", "y"), pod("a", "y"));

            await().atMost(Duration.ofSeconds(10)).until(() -> inA.events.size() == 1);
            assertThat(inA.events.peek().object().getMetadata().getName()).isEqualTo("y");
        }
    }

    @Test
    void deletionsAndUpdatesCarryThePreviousState() {
        try (StorageFixture fixture = new StorageFixture(100_000, 1_000)) {
            RedisStorage storage = fixture.storage;
            Recorder events = new Recorder();
            storage.watch("pods", null, storage.currentRevision(), events);
            ObjectKey key = new ObjectKey("pods", "a", "x");
            storage.create(key, pod("a", "x"));
            storage.guaranteedUpdate(key, Pod.class, Preconditions.NONE, (p, previous) -> {
                p.getMetadata().setLabels(Map.of("v", "2"));
                return p;
            });
            Pod deleted = storage.delete(key, Pod.class, Preconditions.NONE);

            await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 3);
            List<WatchEvent> list = new ArrayList<>(events.events);
            assertThat(list).extracting(WatchEvent::type).containsExactly(
                    WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED);
            assertThat(list.get(1).previousObject().getMetadata().getLabels()).isNullOrEmpty();
            assertThat(list.get(1).object().getMetadata().getLabels()).containsEntry("v", "2");
            assertThat(list.get(2).object().getMetadata().getResourceVersion())
                    .isEqualTo(deleted.getMetadata().getResourceVersion());
        }
    }

    @Test
    void theWritersOwnEventsCarryTheSameBytesAsAnotherProcessReads() {
        try (StorageFixture fixture = new StorageFixture(100_000, 1_000);
             RedisStorage other = fixture.secondProcess()) {
            RedisStorage writer = fixture.storage;
            Recorder here = new Recorder();
            Recorder there = new Recorder();
            writer.watch("pods", null, writer.currentRevision(), here);
            other.watch("pods", null, other.currentRevision(), there);
            ObjectKey key = new ObjectKey("pods", "a", "x");
            writer.create(key, pod("a", "x"));
            writer.guaranteedUpdate(key, Pod.class, Preconditions.NONE, (p, previous) -> {
                p.getMetadata().setLabels(Map.of("v", "2"));
                return p;
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> here.events.size() == 2 && there.events.size() == 2);
            List<WatchEvent> mine = new ArrayList<>(here.events);
            List<WatchEvent> theirs = new ArrayList<>(there.events);
            for (int i = 0; i < 2; i++) {
                assertThat(new String(mine.get(i).stored().json(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(theirs.get(i).stored().json(), StandardCharsets.UTF_8));
            }
            assertThat(mine.get(1).stored().json()).isEqualTo(
                    other.read(key, Pod.class).orElseThrow().json());
            assertThat(mine.get(1).object().getMetadata().getResourceVersion())
                    .isEqualTo(Long.toString(mine.get(1).revision()));
        }
    }

    @Test
    void aWatchOlderThanTheKeptHistoryIsGone() {
        // Keep ~10 events; Redis trims whole stream nodes, so write well past that.
        try (StorageFixture fixture = new StorageFixture(10, 10)) {
            RedisStorage storage = fixture.storage;
            long start = storage.currentRevision();
            for (int i = 0; i < 500; i++) {
                storage.create(new ObjectKey("pods", "a", "p" + i), pod("a", "p" + i));
            }

            assertThatThrownBy(() -> storage.watch("pods", null, start, new Recorder()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(410);
                        assertThat(e.reason()).isEqualTo("Expired");
                    });
            // A recent revision still works.
            Recorder recent = new Recorder();
            storage.watch("pods", null, storage.currentRevision() - 1, recent);
            await().atMost(Duration.ofSeconds(10)).until(() -> recent.events.size() == 1);
        }
    }

    /** Records events and checks them against the revisions the store handed out. */
    static final class Recorder implements WatchListener {
        final ConcurrentLinkedQueue<WatchEvent> events = new ConcurrentLinkedQueue<>();
        volatile ApiException error;

        @Override
        public void onEvent(WatchEvent event) {
            events.add(event);
        }

        @Override
        public void onError(ApiException error) {
            this.error = error;
        }

        void assertExactly(long after, long upTo) {
            assertThat(error).isNull();
            List<Long> revisions = events.stream().map(WatchEvent::revision).toList();
            Set<Long> unique = new HashSet<>(revisions);
            assertThat(unique).as("no duplicates").hasSize(revisions.size());
            assertThat(revisions).as("in revision order").isSorted();
            assertThat(revisions).hasSize((int) (upTo - after));
            assertThat(revisions.get(0)).isEqualTo(after + 1);
            assertThat(revisions.get(revisions.size() - 1)).isEqualTo(upTo);
        }
    }
}
