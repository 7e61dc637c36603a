package dev.berth.api.storage.redis;

import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.WatchEvent;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The current objects of every resource this process has read, kept up to date from the event stream (the
 * state half of kube-apiserver's watch cache). A resource is loaded from Redis on its first read; from then
 * on every event after the load's revision is applied. Writers (loads, events, clearing) hold the hub's
 * lock; single-object reads do not need it.
 */
final class ObjectCache {

    private final Map<String, ResourceObjects> resources = new ConcurrentHashMap<>();

    boolean loaded(String resource) {
        return resources.containsKey(resource);
    }

    /** Takes {@code items}, all of one resource read at {@code revision}, as that resource's state. */
    void load(String resource, List<StoredObject<HasMetadata>> items, long revision) {
        ResourceObjects objects = new ResourceObjects(revision);
        items.forEach(item -> objects.byKey.put(item.indexMember(), item));
        objects.count.set(objects.byKey.size());
        resources.put(resource, objects);
    }

    void apply(WatchEvent event) {
        StoredObject<HasMetadata> stored = event.stored();
        ResourceObjects objects = resources.get(event.resource());
        if (objects == null || event.revision() <= objects.loadedAt) {
            return;
        }
        if (event.type() == WatchEvent.Type.DELETED) {
            if (objects.byKey.remove(stored.indexMember()) != null) {
                objects.count.decrementAndGet();
            }
        } else if (objects.byKey.put(stored.indexMember(), stored) == null) {
            objects.count.incrementAndGet();
        }
    }

    /** How many objects of {@code resource} are held (0 while the resource is not cached). */
    int size(String resource) {
        ResourceObjects objects = resources.get(resource);
        return objects == null ? 0 : objects.count.get();
    }

    /** Forgets everything: after a gap in the stream nothing cached can be trusted. */
    void clear() {
        resources.clear();
    }

    StoredObject<HasMetadata> get(ObjectKey key) {
        ResourceObjects objects = resources.get(key.resource());
        return objects == null ? null : objects.byKey.get(key.indexMember());
    }

    /**
     * The object at {@code key} as it is just before the event at {@code revision} applies, or null if the cache
     * does not follow that resource yet or that event predates its load (the entry may then be newer).
     */
    StoredObject<HasMetadata> stateBefore(ObjectKey key, long revision) {
        ResourceObjects objects = resources.get(key.resource());
        if (objects == null || revision <= objects.loadedAt) {
            return null;
        }
        StoredObject<HasMetadata> stored = objects.byKey.get(key.indexMember());
        return stored != null && stored.revision() < revision ? stored : null;
    }

    /** The revision the resource's objects were loaded at (it is current from then on). */
    long loadedAt(String resource) {
        return resources.get(resource).loadedAt;
    }

    /** One resource's objects in key order, optionally of one namespace. Callers hold the hub's lock. */
    List<StoredObject<HasMetadata>> list(String resource, String namespace) {
        ConcurrentSkipListMap<String, StoredObject<HasMetadata>> all = resources.get(resource).byKey;
        // Keys are "namespace/name", and '0' follows '/': this range is exactly one namespace.
        Map<String, StoredObject<HasMetadata>> range = namespace == null ? all
                : all.subMap(namespace + "/", namespace + "0");
        return new ArrayList<>(range.values());
    }

    private static final class ResourceObjects {
        final long loadedAt;
        final ConcurrentSkipListMap<String, StoredObject<HasMetadata>> byKey = new ConcurrentSkipListMap<>();
        /** byKey's size, which the skip list can only count by walking it. */
        final AtomicInteger count = new AtomicInteger();

        ResourceObjects(long loadedAt) {
            this.loadedAt = loadedAt;
        }
    }
}
