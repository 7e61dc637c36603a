package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Computes the new state from the current one inside a guaranteed update. May run more than once when
 * another writer wins the race, so it must be free of side effects. Throw an {@code ApiException} to abort.
 */
@FunctionalInterface
public interface UpdateFunction<T extends HasMetadata> {

    T apply(T current);
}
