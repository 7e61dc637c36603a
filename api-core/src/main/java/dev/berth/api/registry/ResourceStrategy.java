package dev.berth.api.registry;

import dev.berth.api.errors.FieldError;
import dev.berth.api.resource.ResourceDefinition;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is particular to one resource in the generic create/update/delete flow (as Kubernetes' rest
 * strategies): defaulting, validation, selectable fields, graceful deletion and side effects on other
 * state (e.g. a Service's cluster IP).
 */
public interface ResourceStrategy<T extends HasMetadata> {

    ResourceDefinition<T> definition();

    /** Defaults and clears what a client may not set on create (status for most kinds). */
    default void prepareForCreate(T object) {
    }

    /** Defaults on update; the registry has already kept the old status and identity. */
    default void prepareForUpdate(T updated, T old) {
    }

    /**
     * A {@code /status} write keeps the stored spec and metadata; a kind may carry over the few metadata fields
     * its status writers own (the pod's published ports) from {@code requested}.
     */
    default void prepareForStatusUpdate(T updated, T requested) {
    }

    List<FieldError> validate(T object);

    default List<FieldError> validateUpdate(T updated, T old) {
        return validate(updated);
    }

    /** Field-selector values beyond {@code metadata.name} and {@code metadata.namespace}. */
    default Map<String, String> selectableFields(T object) {
        return Map.of();
    }

    /** The names {@link #selectableFields} can return; any other field selector is a 400. */
    default Set<String> selectableFieldNames() {
        return Set.of();
    }

    /** Whether a PUT to a missing name creates the object. */
    default boolean allowCreateOnUpdate() {
        return false;
    }

    /**
     * Seconds a deletion waits for the object's owner (e.g. a kubelet) to finish it, or 0 to remove it at
     * once. {@code requested} is the client's {@code gracePeriodSeconds}, or null.
     */
    default long gracePeriodSeconds(T object, Long requested) {
        return 0;
    }

    /**
     * Finalizers a deletion adds, so that a controller finishes it first (as Kubernetes' {@code orphan} and
     * {@code foregroundDeletion} for objects with dependents). {@code options} may be null.
     */
    default List<String> deletionFinalizers(T object, DeleteOptions options) {
        return List.of();
    }

    /** Reserves what the object needs outside its own key (e.g. a cluster IP) after validation. */
    default void beforeCreate(T object) {
    }

    /** Gives back what {@link #beforeCreate} reserved when the create did not happen. */
    default void createFailed(T object) {
    }

    /** Refuses deletions the resource never allows (e.g. the default namespace). */
    default void beforeDelete(T object) {
    }

    /** Gives back what the object held, once it is gone. */
    default void afterDelete(T object) {
    }
}
