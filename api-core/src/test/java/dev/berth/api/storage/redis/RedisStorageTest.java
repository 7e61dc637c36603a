package dev.berth.api.storage.redis;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.Preconditions;
import dev.berth.api.storage.StoredObject;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.api.storage.redis.StorageFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisStorageTest {

    private final StorageFixture fixture = new StorageFixture(100_000, 10_000);
    private final RedisStorage storage = fixture.storage;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void createAssignsIncreasingRevisionsAndRefusesDuplicates() {
        Pod a = storage.create(new ObjectKey("pods", "default", "a"), pod("default", "a")).view();
        Pod b = storage.create(new ObjectKey("pods", "default", "b"), pod("default", "b")).view();

        assertThat(Long.parseLong(b.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(a.getMetadata().getResourceVersion()));
        assertThat(storage.get(new ObjectKey("pods", "default", "a"), Pod.class)).get()
                .extracting(p -> p.getMetadata().getResourceVersion()).isEqualTo(a.getMetadata().getResourceVersion());
        assertThatThrownBy(() -> storage.create(new ObjectKey("pods", "default", "a"), pod("default", "a")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("AlreadyExists");
                });
    }

    @Test
    void createInNamespaceWritesNothingWhenTheNamespaceIsMissing() {
        ObjectKey namespace = new ObjectKey("namespaces", "", "team");
        ObjectKey key = new ObjectKey("pods", "team", "a");
        long before = storage.currentRevision();

        assertThatThrownBy(() -> storage.createInNamespace(namespace, key, pod("team", "a")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("namespaces \"team\" not found");
                });
        assertThat(storage.get(key, Pod.class)).isEmpty();
        assertThat(storage.currentRevision()).isEqualTo(before);

        storage.create(namespace, new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build());
        assertThat(storage.createInNamespace(namespace, key, pod("team", "a")).view().getMetadata().getResourceVersion())
                .isNotNull();
        assertThat(storage.get(key, Pod.class)).isPresent();
    }

    @Test
    void listIsScopedToANamespaceAndCarriesTheRevisionItWasReadAt() {
        storage.create(new ObjectKey("pods", "a", "x"), pod("a", "x"));
        storage.create(new ObjectKey("pods", "ab", "y"), pod("ab", "y"));
        storage.create(new ObjectKey("pods", "b", "z"), pod("b", "z"));

        ListResult<Pod> inA = storage.list("pods", "a", Pod.class);
        ListResult<Pod> all = storage.list("pods", null, Pod.class);

        assertThat(inA.items()).extracting(p -> p.getMetadata().getName()).containsExactly("x");
        assertThat(all.items()).extracting(p -> p.getMetadata().getName()).containsExactly("x", "y", "z");
        assertThat(all.revision()).isEqualTo(storage.currentRevision());
    }

    @Test
    void staleWriterGetsConflictAndNoUpdateIsLostUnderContention() throws Exception {
        ObjectKey key = new ObjectKey("pods", "default", "counter");
        Pod initial = pod("default", "counter");
        initial.getMetadata().setAnnotations(Map.of("count", "0"));
        storage.create(key, initial);
        int threads = 16;
        int increments = 200;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] futures = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                futures[t] = pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        while (true) {
                            Pod read = storage.get(key, Pod.class).orElseThrow();
                            try {
                                // Compare-and-set on the revision this writer read, as a client's PUT does.
                                storage.guaranteedUpdate(key, Pod.class,
                                        new Preconditions(null, read.getMetadata().getResourceVersion()), (current, previous) -> {
                                            int count = Integer.parseInt(current.getMetadata().getAnnotations().get("count"));
                                            current.getMetadata().setAnnotations(Map.of("count", Integer.toString(count + 1)));
                                            return current;
                                        });
                                break;
                            } catch (ApiException e) {
                                assertThat(e.code()).isEqualTo(409);
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                });
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Pod result = storage.get(key, Pod.class).orElseThrow();
        assertThat(result.getMetadata().getAnnotations()).containsEntry("count", Integer.toString(threads * increments));
        assertThat(conflicts.get()).as("writers that lost a race were told so").isPositive();
    }

    /** The update starts from the cached copy (loaded on first use), so the script tells that nothing changed. */
    @Test
    void unchangedUpdateKeepsTheRevision() {
        ObjectKey key = new ObjectKey("pods", "default", "same");
        Pod created = storage.create(key, pod("default", "same")).view();

        StoredObject<Pod> result = storage.guaranteedUpdate(key, Pod.class, Preconditions.NONE,
                (current, previous) -> current);

        assertThat(result.view().getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(result.json()).isEqualTo(storage.read(key, Pod.class).orElseThrow().json());
        assertThat(storage.currentRevision()).isEqualTo(Long.parseLong(created.getMetadata().getResourceVersion()));
    }

    /**
     * Updates start from this process's cached copy, which can lag a write made through another process. Right
     * after each such write, an update here must neither lose it nor call the writer's own revision a conflict.
     */
    @Test
    void updatesRightAfterAnotherProcessWroteLoseNothingAndReportNoFalseConflict() {
        ObjectKey key = new ObjectKey("pods", "default", "shared");
        storage.create(key, pod("default", "shared"));
        assertThat(storage.read(key, Pod.class)).isPresent();
        try (RedisStorage other = fixture.secondProcess()) {
            for (int i = 0; i < 200; i++) {
                String round = Integer.toString(i);
                Pod written = other.guaranteedUpdate(key, Pod.class, Preconditions.NONE, (current, previous) -> {
                    current.getMetadata().setLabels(Map.of("other", round));
                    return current;
                }).view();
                // As a client that read from the other process and writes here with that resourceVersion.
                StoredObject<Pod> answer = storage.guaranteedUpdate(key, Pod.class,
                        new Preconditions(null, written.getMetadata().getResourceVersion()), (current, previous) -> {
                            current.getMetadata().setAnnotations(Map.of("here", round));
                            return current;
                        });
                Pod result = answer.view();

                assertThat(result.getMetadata().getLabels()).containsEntry("other", round);
                assertThat(result.getMetadata().getAnnotations()).containsEntry("here", round);
                assertThat(answer.json()).as("the answer is the fabric8 encoding of the object written")
                        .isEqualTo(fixture.mapper().writeValueAsBytes(result));
                assertThat(storage.get(key, Pod.class)).get().satisfies(stored -> {
                    assertThat(stored.getMetadata().getLabels()).containsEntry("other", round);
                    assertThat(stored.getMetadata().getAnnotations()).containsEntry("here", round);
                });
            }
        }
    }

    @Test
    void deleteChecksPreconditionsAndReturnsTheLastState() {
        ObjectKey key = new ObjectKey("pods", "default", "gone");
        Pod created = storage.create(key, pod("default", "gone")).view();

        assertThatThrownBy(() -> storage.delete(key, Pod.class, new Preconditions("other-uid", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409));
        Pod deleted = storage.delete(key, Pod.class, new Preconditions(null, created.getMetadata().getResourceVersion()));

        assertThat(deleted.getMetadata().getName()).isEqualTo("gone");
        assertThat(storage.get(key, Pod.class)).isEmpty();
        assertThat(storage.list("pods", "default", Pod.class).items()).isEmpty();
        assertThatThrownBy(() -> storage.delete(key, Pod.class, Preconditions.NONE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
}
