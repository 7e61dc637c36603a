package dev.berth.replication.replication;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.ConnectException;
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
     * Whether the failed call certainly did not happen: the API refused it, or no connection to it could be
     * made (the gateway restarting), so the request was never sent. A timeout, a connection broken mid-request
     * or a gateway that lost the backend's answer (502, 504) leaves it open: the pod may have been created (or
     * deleted) all the same.
     */
    static boolean certainlyNotDone(RuntimeException failure) {
        if (failure instanceof KubernetesClientException k && k.getCode() > 0) {
            return k.getCode() != 502 && k.getCode() != 504;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
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
