package dev.berth.api.registry;

/**
 * @param object   the deleted object, or its state now marked for deletion
 * @param finished true if it is gone; false if it waits for a grace period or finalizers
 */
public record DeleteOutcome<T>(T object, boolean finished) {
}
