package dev.berth.api.registry;

import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import dev.berth.api.patch.PatchType;
import dev.berth.api.patch.Patcher;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.Preconditions;
import dev.berth.api.storage.Storage;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.UpdateFunction;
import dev.berth.api.storage.Watch;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The generic store of one resource (Kubernetes' registry/generic Store): every request goes
 * prepare → validate → compare-and-set in storage, with the resource's {@link ResourceStrategy} supplying
 * what differs between kinds. The {@code /status} subresource goes through the same path but may change
 * only the status, and the main resource may change everything but the status.
 */
public final class Registry<T extends HasMetadata> {

    private static final int GENERATED_NAME_RETRIES = 7;

    private final ResourceStrategy<T> strategy;
    private final ResourceDefinition<T> definition;
    private final Storage storage;
    private final ObjectCodec codec;
    private final JsonMapper mapper;
    private final Patcher patcher;
    private final Clock clock;
    private final ObjectSelector<T> selector;

    public Registry(ResourceStrategy<T> strategy, Storage storage, ObjectCodec codec, Patcher patcher, Clock clock) {
        this.strategy = strategy;
        this.definition = strategy.definition();
        this.storage = storage;
        this.codec = codec;
        this.mapper = codec.mapper();
        this.patcher = patcher;
        this.clock = clock;
        this.selector = new ObjectSelector<>(strategy);
    }

    public ResourceDefinition<T> definition() {
        return definition;
    }

    public ResourceStrategy<T> strategy() {
        return strategy;
    }

    public T create(String namespace, T requested, boolean dryRun) {
        return createStored(namespace, requested, dryRun).view();
    }

    /** As {@link #create}: the stored object, shared and read-only, with its encoding for the answer. */
    public StoredObject<T> createStored(String namespace, T requested, boolean dryRun) {
        // Clients cannot create an object with a status: it is the system's report, set through /status.
        T object = definition.subresources().contains("status") ? withoutStatus(requested) : requested;
        ObjectMeta meta = requireMetadata(object);
        bindNamespace(meta, namespace);
        boolean generatedName = ObjectMetas.prepareForCreate(meta, clock, 1);
        strategy.prepareForCreate(object);
        validate(object, strategy.validate(object));
        if (dryRun) {
            requireNamespaceExists(meta.getNamespace());
            return notStored(object);
        }
        // As kube-apiserver since 1.31: a generated name that is taken is generated again, up to 7 more times,
        // instead of failing the create with a 409 that only says the dice came up twice.
        for (int retries = 0; ; retries++) {
            try {
                return store(meta, object);
            } catch (ApiException e) {
                if (!generatedName || retries == GENERATED_NAME_RETRIES || !"AlreadyExists".equals(e.reason())) {
                    throw e;
                }
                ObjectMetas.generateName(meta);
            }
        }
    }

    private StoredObject<T> store(ObjectMeta meta, T object) {
        strategy.beforeCreate(object);
        try {
            ObjectKey key = key(meta.getNamespace(), meta.getName());
            // The namespace is checked inside the write: no extra round trip, and no race with its deletion.
            return definition.namespaced() ? storage.createInNamespace(namespaceKey(meta.getNamespace()), key, object)
                    : storage.create(key, object);
        } catch (RuntimeException e) {
            strategy.createFailed(object);
            throw e;
        }
    }

    public T get(String namespace, String name) {
        return storage.get(key(namespace, name), definition.type())
                .orElseThrow(() -> ApiException.notFound(definition.plural(), name));
    }

    /** The current object, shared and read-only (see {@link StoredObject}). */
    public StoredObject<T> read(String namespace, String name) {
        return storage.read(key(namespace, name), definition.type())
                .orElseThrow(() -> ApiException.notFound(definition.plural(), name));
    }

    /** Private copies of the matching objects. */
    public ListResult<T> list(String namespace, Selection selection) {
        ListResult<StoredObject<T>> stored = readList(namespace, selection);
        return new ListResult<>(stored.items().stream().map(StoredObject::copy).toList(), stored.revision());
    }

    /** The matching objects, shared and read-only, in key order (namespace, then name). */
    public ListResult<StoredObject<T>> readList(String namespace, Selection selection) {
        selector.check(selection);
        ListResult<StoredObject<T>> all = storage.readList(definition.plural(), scope(namespace), definition.type());
        if (selection.labels().isEmpty() && selection.fields().fields().isEmpty()) {
            return all;
        }
        return new ListResult<>(all.items().stream().filter(o -> selector.matches(o.view(), selection)).toList(),
                all.revision());
    }

    public Watch watch(String namespace, long fromRevision, Selection selection, WatchListener listener) {
        selector.check(selection);
        return storage.watch(definition.plural(), scope(namespace), fromRevision,
                selector.filter(selection, listener));
    }

    /** PUT: replaces everything but the status. Returns the stored object and whether it was created. */
    public Written<T> update(String namespace, String name, T object, boolean dryRun) {
        ObjectMeta meta = requireMetadata(object);
        bindNamespace(meta, namespace);
        requireNameMatches(meta, name);
        ObjectKey key = key(meta.getNamespace(), name);
        if (strategy.allowCreateOnUpdate() && storage.get(key, definition.type()).isEmpty()) {
            return new Written<>(createStored(namespace, object, dryRun), true);
        }
        String expected = emptyToNull(meta.getResourceVersion());
        return new Written<>(write(key, new Preconditions(null, expected), stored -> object, false, dryRun), false);
    }

    /** PUT on {@code /status}: replaces only the status. */
    public StoredObject<T> updateStatus(String namespace, String name, T object, boolean dryRun) {
        ObjectMeta meta = requireMetadata(object);
        bindNamespace(meta, namespace);
        requireNameMatches(meta, name);
        String expected = emptyToNull(meta.getResourceVersion());
        return write(key(meta.getNamespace(), name), new Preconditions(null, expected), stored -> object, true,
                dryRun);
    }

    public StoredObject<T> patch(String namespace, String name, boolean statusOnly, PatchType type, JsonNode patch,
                                 boolean dryRun) {
        return write(key(namespace, name), Preconditions.NONE, stored -> {
            JsonNode patched = patcher.apply(type, mapper.valueToTree(stored), patch, definition.type());
            T result = decode(patched);
            ObjectMeta meta = requireMetadata(result);
            requireNameMatches(meta, name);
            if (definition.namespaced() && !Objects.equals(meta.getNamespace(), namespace)) {
                throw ApiException.badRequest("the namespace of the object (" + meta.getNamespace()
                        + ") does not match the namespace on the request (" + namespace + ")");
            }
            return result;
        }, statusOnly, dryRun);
    }

    /**
     * A change the server itself makes to a field clients may not update (as a binding sets
     * {@code spec.nodeName}): a compare-and-set in storage that bypasses the update strategy.
     */
    public T systemUpdate(String namespace, String name, Preconditions preconditions, UnaryOperator<T> change) {
        return storage.guaranteedUpdate(key(namespace, name), definition.type(), preconditions,
                (current, previous) -> change.apply(current)).view();
    }

    public DeleteOutcome<T> delete(String namespace, String name, DeleteOptions options, boolean dryRun) {
        ObjectKey key = key(namespace, name);
        T current = get(namespace, name);
        strategy.beforeDelete(current);
        Preconditions preconditions = preconditions(options);
        Long requested = options == null ? null : options.getGracePeriodSeconds();
        long grace = strategy.gracePeriodSeconds(current, requested);
        List<String> added = strategy.deletionFinalizers(current, options);
        boolean hasFinalizers = !current.getMetadata().getFinalizers().isEmpty() || !added.isEmpty();
        if (dryRun) {
            return new DeleteOutcome<>(current, grace == 0 && !hasFinalizers);
        }
        if (grace > 0 || hasFinalizers) {
            T marked = storage.guaranteedUpdate(key, definition.type(), preconditions,
                    (c, previous) -> markForDeletion(c, grace, added)).view();
            if (grace > 0 || !marked.getMetadata().getFinalizers().isEmpty()) {
                return new DeleteOutcome<>(marked, false);
            }
        }
        T deleted = storage.delete(key, definition.type(), preconditions);
        strategy.afterDelete(deleted);
        return new DeleteOutcome<>(deleted, true);
    }

    private T markForDeletion(T current, long grace, List<String> finalizers) {
        ObjectMeta meta = current.getMetadata();
        List<String> present = new ArrayList<>(meta.getFinalizers());
        finalizers.stream().filter(f -> !present.contains(f)).forEach(present::add);
        meta.setFinalizers(present);
        Long existing = meta.getDeletionGracePeriodSeconds();
        // A later delete may shorten the wait, never extend it.
        if (meta.getDeletionTimestamp() == null || existing == null || grace < existing) {
            meta.setDeletionTimestamp(ObjectMetas.timestamp(clock.instant().plusSeconds(grace)));
            meta.setDeletionGracePeriodSeconds(grace);
        }
        return current;
    }

    /** @param change builds the requested object from the stored one, which it must not change */
    private StoredObject<T> write(ObjectKey key, Preconditions preconditions, UnaryOperator<T> change,
                                  boolean statusOnly, boolean dryRun) {
        UpdateFunction<T> merged = (current, old) -> {
            T updated = change.apply(old);
            // A status update keeps all but the status as stored: `current`, a copy nothing else has touched.
            T result = statusOnly ? withStatusOf(current, updated) : withStatusOf(updated, old);
            ObjectMetas.keepSystemFields(result.getMetadata(), old.getMetadata());
            if (statusOnly) {
                strategy.prepareForStatusUpdate(result, updated);
            } else {
                strategy.prepareForUpdate(result, old);
                // After defaulting, as Kubernetes compares decoded (defaulted) objects: a PUT that leaves out
                // what defaults fill in changes nothing.
                if (specChanged(result, old)) {
                    result.getMetadata().setGeneration(generationOf(old) + 1);
                }
            }
            validate(result, strategy.validateUpdate(result, old));
            return result;
        };
        if (dryRun) {
            T current = storage.get(key, definition.type())
                    .orElseThrow(() -> ApiException.notFound(definition.plural(), key.name()));
            return notStored(merged.apply(current, copy(current)));
        }
        StoredObject<T> written = storage.guaranteedUpdate(key, definition.type(), preconditions, merged);
        return finishIfReleased(key, written);
    }

    /** An object marked for deletion goes once its last finalizer is removed (and it has no grace pending). */
    private StoredObject<T> finishIfReleased(ObjectKey key, StoredObject<T> written) {
        ObjectMeta meta = written.view().getMetadata();
        if (meta.getDeletionTimestamp() != null && meta.getFinalizers().isEmpty()
                && strategy.gracePeriodSeconds(written.view(), null) == 0) {
            T deleted = storage.delete(key, definition.type(), new Preconditions(meta.getUid(), null));
            strategy.afterDelete(deleted);
            return notStored(deleted);
        }
        return written;
    }

    /** An answer that is not an object as written (a dry run's, a deletion's): encoded when it is served. */
    private StoredObject<T> notStored(T object) {
        String version = object.getMetadata().getResourceVersion();
        return codec.stored(object, version == null || version.isEmpty() ? 0 : Long.parseLong(version));
    }

    /** {@code base} with the status of {@code statusSource}, for kinds that have a status subresource. */
    private T withStatusOf(T base, T statusSource) {
        if (!definition.subresources().contains("status") || StatusAndSpec.copyStatus(statusSource, base)) {
            return base;
        }
        ObjectNode tree = mapper.valueToTree(base);
        JsonNode status = ((ObjectNode) mapper.valueToTree(statusSource)).get("status");
        if (status == null || status.isNull()) {
            tree.remove("status");
        } else {
            tree.set("status", status);
        }
        T result = decode(tree);
        result.setMetadata(base.getMetadata());
        return result;
    }

    private T withoutStatus(T object) {
        if (StatusAndSpec.clearStatus(object)) {
            return object;
        }
        ObjectNode tree = mapper.valueToTree(object);
        tree.remove("status");
        return decode(tree);
    }

    private boolean specChanged(T updated, T old) {
        if (StatusAndSpec.sameSpec(updated, old)) {
            return false;
        }
        JsonNode a = ((ObjectNode) mapper.valueToTree(updated)).get("spec");
        JsonNode b = ((ObjectNode) mapper.valueToTree(old)).get("spec");
        return !Objects.equals(a, b);
    }

    private static long generationOf(HasMetadata object) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }

    private void validate(T object, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(definition.kind(), object.getMetadata().getName(), errors);
        }
    }

    private void requireNamespaceExists(String namespace) {
        if (definition.namespaced()
                && storage.read(namespaceKey(namespace), Namespace.class).isEmpty()) {
            throw ApiException.notFound("namespaces", namespace);
        }
    }

    private static ObjectKey namespaceKey(String namespace) {
        return new ObjectKey("namespaces", "", namespace);
    }

    private void bindNamespace(ObjectMeta meta, String namespace) {
        if (!definition.namespaced()) {
            meta.setNamespace(null);
            return;
        }
        if (meta.getNamespace() == null || meta.getNamespace().isEmpty()) {
            meta.setNamespace(namespace);
        } else if (!meta.getNamespace().equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object (" + meta.getNamespace()
                    + ") does not match the namespace sent on the request (" + namespace + ")");
        }
    }

    private static void requireNameMatches(ObjectMeta meta, String name) {
        if (meta.getName() == null || meta.getName().isEmpty()) {
            meta.setName(name);
        } else if (!meta.getName().equals(name)) {
            throw ApiException.badRequest("the name of the object (" + meta.getName()
                    + ") does not match the name on the URL (" + name + ")");
        }
    }

    private ObjectMeta requireMetadata(T object) {
        if (object.getMetadata() == null) {
            object.setMetadata(new ObjectMeta());
        }
        return object.getMetadata();
    }

    private static Preconditions preconditions(DeleteOptions options) {
        if (options == null || options.getPreconditions() == null) {
            return Preconditions.NONE;
        }
        return new Preconditions(emptyToNull(options.getPreconditions().getUid()),
                emptyToNull(options.getPreconditions().getResourceVersion()));
    }

    private ObjectKey key(String namespace, String name) {
        return new ObjectKey(definition.plural(), definition.namespaced() ? namespace : "", name);
    }

    private String scope(String namespace) {
        return definition.namespaced() ? namespace : null;
    }

    private T copy(T object) {
        return decode(mapper.valueToTree(object));
    }

    private T decode(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, definition.type());
        } catch (tools.jackson.core.JacksonException e) {
            throw ApiException.badRequest("the result is not a valid " + definition.kind() + ": " + e.getOriginalMessage());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A stored object and whether the request created it (201) rather than replaced it (200). */
    public record Written<T extends HasMetadata>(StoredObject<T> object, boolean created) {
    }
}
