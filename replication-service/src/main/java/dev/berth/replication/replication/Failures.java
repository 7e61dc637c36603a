package dev.berth.replication.replication;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the failures of the independent API calls one sync makes, so that one failing call does not stop
 * the others, and the sync still fails (and is retried with back-off) at the end.
 */
final class Failures {

    private final List<RuntimeException> errors = new ArrayList<>();

    /** Runs the call; false when it failed. */
    boolean run(Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            errors.add(e);
            return false;
        }
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
