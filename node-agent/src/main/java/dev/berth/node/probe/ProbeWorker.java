package dev.berth.node.probe;

import dev.berth.node.events.EventRecorder;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.concurrent.ScheduledFuture;

/**
 * Probes one container periodically and flips its result only after {@code successThreshold} successes or
 * {@code failureThreshold} failures in a row; a flip wakes the pod's sync.
 */
final class ProbeWorker implements Runnable {

    enum Kind {
        LIVENESS("Liveness"), READINESS("Readiness");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;
    private final Probe probe;
    private final Pod pod;
    private final Container container;
    private final RuntimeContainer running;
    private final Prober prober;
    private final EventRecorder events;
    private final Runnable onChange;
    // A live container is presumed healthy, a new one not yet ready, until probes say otherwise.
    private volatile boolean passing;
    private int successes;
    private int failures;
    private volatile ScheduledFuture<?> schedule;

    ProbeWorker(Kind kind, Probe probe, Pod pod, Container container, RuntimeContainer running, Prober prober,
                EventRecorder events, Runnable onChange) {
        this.kind = kind;
        this.probe = probe;
        this.pod = pod;
        this.container = container;
        this.running = running;
        this.prober = prober;
        this.events = events;
        this.onChange = onChange;
        this.passing = kind == Kind.LIVENESS;
    }

    @Override
    public void run() {
        Prober.Outcome outcome;
        try {
            outcome = prober.run(probe, container, running);
        } catch (RuntimeException e) {
            outcome = Prober.Outcome.failed(e.getMessage());
        }
        if (outcome.success()) {
            failures = 0;
            successes++;
            if (!passing && successes >= Probes.successThreshold(probe)) {
                passing = true;
                onChange.run();
            }
        } else {
            successes = 0;
            failures++;
            events.warning(pod, "Unhealthy", kind.label + " probe failed: " + outcome.message());
            if (passing && failures >= Probes.failureThreshold(probe)) {
                passing = false;
                onChange.run();
            }
        }
    }

    boolean passing() {
        return passing;
    }

    String podUid() {
        return pod.getMetadata().getUid();
    }

    void scheduled(ScheduledFuture<?> schedule) {
        this.schedule = schedule;
    }

    void cancel() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
