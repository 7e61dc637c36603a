package dev.berth.replication.objects;

/** The finalizers a replication controller's deletion may carry, as in Kubernetes' garbage collector. */
public final class Finalizers {

    /** Release the pods (remove their owner reference), then delete the controller. */
    public static final String ORPHAN = "orphan";
    /** Delete the pods and wait until they are gone, then delete the controller. */
    public static final String FOREGROUND = "foregroundDeletion";

    private Finalizers() {
    }
}
