package dev.berth.api.storage.redis;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.Watch;
import dev.berth.api.storage.WatchEvent;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one reader of the event stream in this process. It decodes each event once, keeps the newest ones in
 * memory (the watch cache) and hands them to every matching watcher, so a thousand watchers cost one Redis
 * reader, not a thousand. New watchers are started from the cache, or from the stream when they ask for an
 * older revision, and switched to live delivery without a gap or a duplicate. It also keeps the current
 * objects of each resource read so far ({@link ObjectCache}), which lists are served from.
 */
final class RedisWatchHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisWatchHub.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectCodec codec;
    private final ResourceTypes types;
    private final RedisStorageProperties properties;
    private final Function<String, ListResult<StoredObject<HasMetadata>>> loader;
    private final ArrayDeque<WatchEvent> cache = new ArrayDeque<>();
    private final ObjectCache objects = new ObjectCache();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /**
     * Objects this process has just written, by revision, until the reader meets their event: the event is
     * then the object already in hand, not a second decode of the JSON it was encoded to.
     */
    private final ConcurrentSkipListMap<Long, StoredObject<HasMetadata>> written = new ConcurrentSkipListMap<>();
    private long revision = -1;
    private Thread reader;
    private volatile boolean reading;
    private volatile boolean closed;

    /** @param loader reads all objects of a resource from Redis at one revision */
    RedisWatchHub(StringRedisTemplate redis, RedisKeys keys, ObjectCodec codec, ResourceTypes types,
                  RedisStorageProperties properties, Function<String, ListResult<StoredObject<HasMetadata>>> loader) {
        this.redis = redis;
        this.loader = loader;
        this.keys = keys;
        this.codec = codec;
        this.types = types;
        this.properties = properties;
    }

    Watch subscribe(String resource, String namespace, long fromRevision, WatchListener listener) {
        Subscription subscription = new Subscription(resource, namespace, listener);
        long delivered = fromRevision;
        while (true) {
            long target;
            synchronized (this) {
                startIfNeeded();
                WatchEvent oldest = cache.peekFirst();
                if (delivered >= revision || (oldest != null && oldest.revision() <= delivered + 1)) {
                    for (WatchEvent event : cache) {
                        if (event.revision() > delivered) {
                            subscription.offer(event);
                        }
                    }
                    subscription.skipUpTo = Math.max(delivered, revision);
                    subscriptions.add(subscription);
                    return subscription;
                }
                target = revision;
            }
            // Older than the cache: replay from the stream without holding the lock, then try again.
            for (WatchEvent event : history(delivered, target)) {
                subscription.offer(event);
            }
            delivered = target;
        }
    }

    /**
     * Hands over an object this process wrote, shared from now on, so that its event needs no decode. Until the
     * reader runs there is nobody to take it.
     */
    @SuppressWarnings("unchecked")
    void wrote(StoredObject<? extends HasMetadata> stored) {
        if (reading) {
            written.put(stored.revision(), (StoredObject<HasMetadata>) stored);
        }
    }

    /** How many objects of {@code resource} the cache holds (0 until the resource is first read). */
    int cachedObjects(String resource) {
        return objects.size(resource);
    }

    /** The cached object at {@code key}, or null: callers check its revision against the store's. */
    StoredObject<HasMetadata> cached(ObjectKey key) {
        if (!objects.loaded(key.resource())) {
            synchronized (this) {
                startIfNeeded();
                ensureLoaded(key.resource());
            }
        }
        return objects.get(key);
    }

    /**
     * The objects of {@code resource} (in {@code namespace}, or all if null) as of a revision at least
     * {@code atLeast}, waiting up to {@code wait} for the stream to get there; empty if it does not.
     */
    Optional<ListResult<StoredObject<HasMetadata>>> list(String resource, String namespace, long atLeast,
                                                         Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            startIfNeeded();
            ensureLoaded(resource);
            while (current(resource) < atLeast) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !awaitDispatch(left) || !objects.loaded(resource)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new ListResult<>(objects.list(resource, namespace), current(resource)));
        }
    }

    /** The revision the cached objects of a loaded resource are current at. Callers hold the lock. */
    private long current(String resource) {
        return Math.max(revision, objects.loadedAt(resource));
    }

    private void ensureLoaded(String resource) {
        if (!objects.loaded(resource)) {
            // The reader cannot dispatch while this lock is held, so every event after the load's revision
            // reaches the cache and none before it does.
            ListResult<StoredObject<HasMetadata>> all = loader.apply(resource);
            objects.load(resource, all.items(), all.revision());
        }
    }

    /** Waits (releasing the lock) until the next dispatch or the timeout; false if interrupted. */
    private boolean awaitDispatch(long nanos) {
        try {
            long millis = Math.max(1, nanos / 1_000_000);
            wait(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Events in (after, upTo], or 410 if the stream no longer reaches back that far. */
    private List<WatchEvent> history(long after, long upTo) {
        List<WatchEvent> events = new ArrayList<>();
        long next = after + 1;
        while (next <= upTo) {
            List<org.springframework.data.redis.connection.stream.MapRecord<String, Object, Object>> batch =
                    redis.opsForStream().range(keys.events(), Range.closed(next + "-0", upTo + "-0"),
                            Limit.limit().count(properties.readBatch()));
            if (batch == null || batch.isEmpty() || batch.get(0).getId().getTimestamp() != next) {
                throw expired(after);
            }
            for (var record : batch) {
                events.add(decode(record.getId().getTimestamp(), bytesMap(record.getValue()), null,
                        (key, rev) -> null));
                next = record.getId().getTimestamp() + 1;
            }
        }
        return events;
    }

    private void startIfNeeded() {
        if (reader != null) {
            return;
        }
        String current = redis.opsForValue().get(keys.revision());
        revision = current == null ? 0 : Long.parseLong(current);
        reader = new Thread(this::readLoop, "berth-watch-reader");
        reader.setDaemon(true);
        reading = true;
        reader.start();
    }

    private void readLoop() {
        long backoffMillis = 100;
        while (!closed) {
            try (RedisConnection connection = redis.getRequiredConnectionFactory().getConnection()) {
                while (!closed) {
                    long from;
                    synchronized (this) {
                        from = revision;
                    }
                    List<ByteRecord> records = connection.streamCommands().xRead(
                            StreamReadOptions.empty().count(properties.readBatch()).block(BLOCK),
                            StreamOffset.create(keys.events().getBytes(StandardCharsets.UTF_8),
                                    ReadOffset.from(from + "-0")));
                    if (records != null && !records.isEmpty()) {
                        dispatch(records);
                    }
                    backoffMillis = 100;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Event stream read failed, retrying in {} ms: {}", backoffMillis, e.toString());
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    private synchronized void dispatch(List<ByteRecord> records) {
        for (ByteRecord record : records) {
            long rev = record.getId().getTimestamp();
            if (rev != revision + 1) {
                // The stream was trimmed past us (e.g. Redis was unreachable for long): nobody can be sure
                // to have seen every event, so every watcher must re-list.
                failAll(expired(revision));
            }
            Map<String, byte[]> fields = new java.util.HashMap<>();
            record.getValue().forEach((k, v) -> fields.put(utf8(k), v));
            StoredObject<HasMetadata> mine = written.remove(rev);
            // Handed over after their event went by (the writer lost the race with this thread): nobody takes them.
            written.headMap(rev).clear();
            WatchEvent event = decode(rev, fields, mine, objects::stateBefore);
            revision = rev;
            objects.apply(event);
            cache.addLast(event);
            if (cache.size() > properties.watchCache()) {
                cache.removeFirst();
            }
            for (Subscription s : subscriptions) {
                s.offer(event);
            }
        }
        for (Subscription s : subscriptions) {
            s.listener.onProgress(revision);
        }
        notifyAll();
    }

    private void failAll(ApiException error) {
        cache.clear();
        written.clear();
        objects.clear();
        for (Subscription s : subscriptions) {
            subscriptions.remove(s);
            s.listener.onError(error);
        }
    }

    /**
     * @param mine   the object as this process wrote it at {@code rev}, or null
     * @param cached the object as this process already holds it just before revision {@code rev}, or null
     */
    private WatchEvent decode(long rev, Map<String, byte[]> fields, StoredObject<HasMetadata> mine,
                              BiFunction<ObjectKey, Long, StoredObject<HasMetadata>> cached) {
        ObjectKey key = RedisKeys.parseEventKey(utf8(fields.get("k")));
        Class<? extends HasMetadata> type = types.typeOf(key.resource());
        StoredObject<HasMetadata> object = mine != null && type.isInstance(mine.view())
                && mine.indexMember().equals(key.indexMember()) ? mine
                : codec.stored(codec.decode(fields.get("o"), rev, type), rev);
        byte[] prev = fields.get("p");
        StoredObject<HasMetadata> previous = null;
        if (prev != null) {
            // The cache's copy is exactly the event's previous state: no second decode per change.
            StoredObject<HasMetadata> before = cached.apply(key, rev);
            previous = before != null ? before : codec.stored(codec.decode(prev, rev - 1, type), rev - 1);
        }
        return new WatchEvent(WatchEvent.Type.valueOf(utf8(fields.get("t"))), key.resource(), object, previous, rev);
    }

    private static ApiException expired(long revision) {
        return ApiException.gone("too old resource version: " + revision + " (the event history no longer reaches back that far)");
    }

    private static Map<String, byte[]> bytesMap(Map<Object, Object> values) {
        Map<String, byte[]> out = new java.util.HashMap<>();
        values.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread r;
        synchronized (this) {
            r = reader;
        }
        if (r != null) {
            r.interrupt();
        }
    }

    private final class Subscription implements Watch {
        private final String resource;
        private final String namespace;
        private final WatchListener listener;
        /** Live events at or below this were already replayed (or predate the requested revision). */
        private volatile long skipUpTo;

        Subscription(String resource, String namespace, WatchListener listener) {
            this.resource = resource;
            this.namespace = namespace;
            this.listener = listener;
        }

        void offer(WatchEvent event) {
            if (event.revision() <= skipUpTo || !event.resource().equals(resource)) {
                return;
            }
            if (namespace != null && !namespace.equals(event.object().getMetadata().getNamespace())) {
                return;
            }
            listener.onEvent(event);
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
