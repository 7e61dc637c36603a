package dev.berth.api.storage.redis;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.Preconditions;
import dev.berth.api.storage.Storage;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.UpdateFunction;
import dev.berth.api.storage.Watch;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Storage} on Redis: one hash per object ({@code o} = JSON, {@code r} = revision), a sorted-set index
 * per resource, a global revision counter and a stream of events whose ids are the revisions. Each write is
 * one Lua script, so the object, the counter and the event change together or not at all.
 */
public final class RedisStorage implements Storage, AutoCloseable {

    private static final long GONE = -1;
    private static final long NO_NAMESPACE = -2;
    private static final long UNCHANGED = -3;
    /** How long a list waits for the event stream to reach the store's revision before reading Redis. */
    private static final Duration CACHE_WAIT = Duration.ofSeconds(2);

    private final StringRedisTemplate redis;
    private final ObjectCodec codec;
    private final ResourceTypes types;
    private final RedisKeys keys;
    private final String history;
    private final RedisWatchHub hub;
    private final RedisScript<Long> createScript = script("create", Long.class);
    private final RedisScript<Long> updateScript = script("update", Long.class);
    private final RedisScript<Long> deleteScript = script("delete", Long.class);
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> listScript = script("list", List.class);

    public RedisStorage(StringRedisTemplate redis, ObjectCodec codec, RedisStorageProperties properties,
                        ResourceTypes types) {
        this.redis = redis;
        this.codec = codec;
        this.types = types;
        this.keys = new RedisKeys(properties.keyPrefix());
        this.history = Long.toString(properties.history());
        this.hub = new RedisWatchHub(redis, keys, codec, types, properties,
                resource -> listFromRedis(resource, null, HasMetadata.class));
    }

    /**
     * How many objects of {@code resource} this process holds in its cache: every object of a resource once it is
     * read or watched, as kube-apiserver's watch cache, so the heap has to grow with them.
     */
    public int cachedObjects(String resource) {
        return hub.cachedObjects(resource);
    }

    @Override
    public <T extends HasMetadata> StoredObject<T> create(ObjectKey key, T object) {
        return create(key, object, List.of(keys.object(key), keys.index(key.resource()), keys.revision(),
                keys.events()));
    }

    @Override
    public <T extends HasMetadata> StoredObject<T> createInNamespace(ObjectKey namespace, ObjectKey key, T object) {
        StoredObject<T> created = create(key, object, List.of(keys.object(key), keys.index(key.resource()),
                keys.revision(), keys.events(), keys.object(namespace)));
        if (created == null) {
            throw ApiException.notFound(namespace.resource(), namespace.name());
        }
        return created;
    }

    /** Null when the script's namespace key (the fifth) is absent. */
    private <T extends HasMetadata> StoredObject<T> create(ObjectKey key, T object, List<String> scriptKeys) {
        String json = codec.encode(object);
        Long rev = redis.execute(createScript, scriptKeys, key.indexMember(), json, RedisKeys.eventKey(key), history);
        if (rev == null || rev == GONE) {
            throw ApiException.alreadyExists(key.resource(), key.name());
        }
        if (rev == NO_NAMESPACE) {
            return null;
        }
        object.getMetadata().setResourceVersion(Long.toString(rev));
        return handedOver(codec.stored(object, rev, json));
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ObjectKey key, Class<T> type) {
        return read(key).map(stored -> codec.decode(stored.json(), stored.revision(), type));
    }

    /**
     * One round trip either way: the object's revision comes from Redis, so a cached copy is used only when
     * it is exactly the stored one (a cache that lags never serves a stale object).
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> Optional<StoredObject<T>> read(ObjectKey key, Class<T> type) {
        return read(key).map(stored -> {
            StoredObject<HasMetadata> cached = hub.cached(key);
            if (cached != null && cached.revision() == stored.revision() && type.isInstance(cached.view())) {
                return (StoredObject<T>) (StoredObject<?>) cached;
            }
            return codec.stored(codec.decode(stored.json(), stored.revision(), type), stored.revision());
        });
    }

    @Override
    public <T extends HasMetadata> ListResult<T> list(String resource, String namespace, Class<T> type) {
        ListResult<StoredObject<T>> stored = readList(resource, namespace, type);
        return new ListResult<>(stored.items().stream().map(StoredObject::copy).toList(), stored.revision());
    }

    /**
     * From the object cache once the event stream has caught up with the store's current revision (a consistent
     * read from cache, as kube-apiserver does), else from Redis.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> ListResult<StoredObject<T>> readList(String resource, String namespace,
                                                                        Class<T> type) {
        Optional<ListResult<StoredObject<HasMetadata>>> cached =
                hub.list(resource, namespace, currentRevision(), CACHE_WAIT);
        if (cached.isPresent() && cached.get().items().stream().allMatch(o -> type.isInstance(o.view()))) {
            return (ListResult<StoredObject<T>>) (ListResult<?>) cached.get();
        }
        return listFromRedis(resource, namespace, type);
    }

    private <T extends HasMetadata> ListResult<StoredObject<T>> listFromRedis(String resource, String namespace,
                                                                              Class<T> type) {
        // Members are "namespace/name": "[ns/" .. "[ns0" covers one namespace since '0' follows '/'.
        String min = namespace == null ? "-" : "[" + namespace + "/";
        String max = namespace == null ? "+" : "(" + namespace + "0";
        List<Object> reply = redis.execute(listScript, List.of(keys.index(resource), keys.revision()),
                min, max, keys.objectPrefix(resource));
        Objects.requireNonNull(reply, "list script returned nothing");
        Class<? extends HasMetadata> decodeAs = type == HasMetadata.class ? types.typeOf(resource) : type;
        List<StoredObject<T>> items = new ArrayList<>((reply.size() - 1) / 2);
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            long revision = Long.parseLong((String) reply.get(i + 1));
            items.add(codec.stored(type.cast(codec.decode((String) reply.get(i), revision, decodeAs)), revision));
        }
        return new ListResult<>(items, Long.parseLong((String) reply.get(0)));
    }

    /**
     * Starts from this process's cached copy when it has one, without reading Redis: the script's
     * compare-and-set on the revision catches a copy that lags the store, and only then is the object read
     * from Redis. Nothing decided on a lagging copy reaches the caller: a failed precondition, a refusal by
     * {@code update} or a lost compare-and-set on the cached copy is retried from the stored state.
     */
    @Override
    public <T extends HasMetadata> StoredObject<T> guaranteedUpdate(ObjectKey key, Class<T> type,
                                                                    Preconditions preconditions,
                                                                    UpdateFunction<T> update) {
        boolean fromCache = true;
        while (true) {
            Current<T> state = fromCache ? cachedState(key, type) : null;
            if (state == null) {
                fromCache = false;
                state = storedState(key, type);
            }
            T previous = state.copy();
            if (!holds(preconditions, previous)) {
                if (fromCache) {
                    fromCache = false;
                    continue;
                }
                throw failed(key, previous, preconditions);
            }
            T updated;
            try {
                updated = update.apply(state.copy(), previous);
            } catch (ApiException e) {
                if (!fromCache) {
                    throw e;
                }
                // Refused on a copy that may lag: only the stored state decides.
                fromCache = false;
                continue;
            }
            String json = codec.encode(updated);
            if (json.equals(state.json())) {
                return codec.stored(previous, state.revision(), state.json());
            }
            Long rev = redis.execute(updateScript, List.of(keys.object(key), keys.revision(), keys.events()),
                    Long.toString(state.revision()), json, RedisKeys.eventKey(key), history);
            if (rev != null && rev > 0) {
                updated.getMetadata().setResourceVersion(Long.toString(rev));
                return handedOver(codec.stored(updated, rev, json));
            }
            if (rev != null && rev == UNCHANGED) {
                return codec.stored(previous, state.revision(), json);
            }
            if (fromCache) {
                fromCache = false;
                continue;
            }
            if (rev != null && rev == GONE) {
                throw ApiException.notFound(key.resource(), key.name());
            }
            // Another writer won: read again and reapply, unless the caller pinned a revision.
            if (preconditions.resourceVersion() != null) {
                throw modified(key);
            }
        }
    }

    /** A written object becomes its event's object in the watch hub: shared from here on, never changed. */
    private <T extends HasMetadata> StoredObject<T> handedOver(StoredObject<T> written) {
        hub.wrote(written);
        return written;
    }

    /** The cached object at the key, if this process holds one; its revision may lag the store's. */
    private <T extends HasMetadata> Current<T> cachedState(ObjectKey key, Class<T> type) {
        StoredObject<HasMetadata> cached = hub.cached(key);
        if (cached == null || !type.isInstance(cached.view())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        StoredObject<T> typed = (StoredObject<T>) (StoredObject<?>) cached;
        return new Current<>(typed::copy, null, cached.revision());
    }

    private <T extends HasMetadata> Current<T> storedState(ObjectKey key, Class<T> type) {
        Stored stored = read(key).orElseThrow(() -> ApiException.notFound(key.resource(), key.name()));
        return new Current<>(() -> codec.decode(stored.json(), stored.revision(), type), stored.json(),
                stored.revision());
    }

    @Override
    public <T extends HasMetadata> T delete(ObjectKey key, Class<T> type, Preconditions preconditions) {
        while (true) {
            Stored stored = read(key).orElseThrow(() -> ApiException.notFound(key.resource(), key.name()));
            T current = codec.decode(stored.json(), stored.revision(), type);
            if (!holds(preconditions, current)) {
                throw failed(key, current, preconditions);
            }
            Long rev = redis.execute(deleteScript,
                    List.of(keys.object(key), keys.index(key.resource()), keys.revision(), keys.events()),
                    Long.toString(stored.revision()), key.indexMember(), RedisKeys.eventKey(key), history);
            if (rev != null && rev > 0) {
                current.getMetadata().setResourceVersion(Long.toString(rev));
                return current;
            }
            if (rev != null && rev == GONE) {
                throw ApiException.notFound(key.resource(), key.name());
            }
            if (preconditions.resourceVersion() != null) {
                throw modified(key);
            }
        }
    }

    @Override
    public Watch watch(String resource, String namespace, long fromRevision, WatchListener listener) {
        return hub.subscribe(resource, namespace, fromRevision, listener);
    }

    @Override
    public long currentRevision() {
        String value = redis.opsForValue().get(keys.revision());
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public void close() {
        hub.close();
    }

    private Optional<Stored> read(ObjectKey key) {
        List<Object> values = redis.opsForHash().multiGet(keys.object(key), List.of("o", "r"));
        if (values.get(0) == null || values.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored((String) values.get(0), Long.parseLong((String) values.get(1))));
    }

    private static boolean holds(Preconditions preconditions, HasMetadata current) {
        return (preconditions.uid() == null || preconditions.uid().equals(current.getMetadata().getUid()))
                && (preconditions.resourceVersion() == null
                || preconditions.resourceVersion().equals(current.getMetadata().getResourceVersion()));
    }

    private static ApiException failed(ObjectKey key, HasMetadata current, Preconditions preconditions) {
        if (preconditions.uid() != null && !preconditions.uid().equals(current.getMetadata().getUid())) {
            return ApiException.conflict(key.resource(), key.name(), "Precondition failed: UID in precondition: "
                    + preconditions.uid() + ", UID in object meta: " + current.getMetadata().getUid());
        }
        return modified(key);
    }

    private static ApiException modified(ObjectKey key) {
        return ApiException.conflict(key.resource(), key.name(),
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /**
     * The script's text is read once: a script made from a resource checks the file's modification time on
     * every call to compute its SHA-1 (a tenth of a create's CPU in a profile).
     */
    private static <R> RedisScript<R> script(String name, Class<R> resultType) {
        ClassPathResource resource = new ClassPathResource("berth/lua/" + name + ".lua");
        try (InputStream in = resource.getInputStream()) {
            return RedisScript.of(StreamUtils.copyToString(in, StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private record Stored(String json, long revision) {
    }

    /**
     * The state an update starts from: private copies on demand, the stored JSON when it was read from Redis
     * (null for a cached copy), and its revision.
     */
    private record Current<T>(Supplier<T> copies, String json, long revision) {

        T copy() {
            return copies.get();
        }
    }
}
