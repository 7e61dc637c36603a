package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Computes the new state from the current one inside a guaranteed update. May run more than once when
 * another writer wins the race, so it must be free of side effects. Throw an {@code ApiException} to abort.
 */
@FunctionalInterface
public interface UpdateFunction<T extends HasMetadata> {

    /**
     * @param current  a private copy of the stored object, to change and return (or to replace)
     * @param previous another private copy of the same state, for comparing against: storage never changes it
     *                 and returns it as the result when the update changes nothing
     */
    T apply(T current, T previous);
}
