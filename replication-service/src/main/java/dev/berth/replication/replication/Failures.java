package dev.berth.replication.replication;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the failures of the independent API calls one sync makes, so that one failing call does not stop
 * the others, and the sync still fails (and is retried with back-off) at the end.
 */
final class Failures {

    private final List<RuntimeException> errors = new ArrayList<>();

    /** Runs the call; its failure, or null when it succeeded. */
    RuntimeException run(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            errors.add(e);
            return e;
        }
    }

    /**
     * Whether the API answered the failed call, so it certainly did not happen. A timeout or a broken
     * connection leaves it open: the pod may have been created (or deleted) all the same.
     */
    static boolean answered(RuntimeException failure) {
        return failure instanceof KubernetesClientException k && k.getCode() > 0;
    }

    boolean none() {
        return errors.isEmpty();
    }

    void throwIfAny(String key) {
        if (errors.isEmpty()) {
            return;
        }
        IllegalStateException failure = new IllegalStateException(
                key + ": " + errors.size() + " API call(s) failed, first: " + errors.get(0).getMessage(), errors.get(0));
        errors.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }
}
