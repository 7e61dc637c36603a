package dev.berth.node.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What to do to bring a pod's containers in line with its spec, decided without side effects (kubelet's
 * {@code computePodActions}); an executor carries it out.
 *
 * @param start   containers to create and start, by index in {@code spec.containers}, with their restart count
 * @param kill    runtime container ids to stop, with why
 * @param remove  exited runtime containers no longer needed (superseded by a newer attempt)
 * @param backOff containers that should restart but must wait until the given time (CrashLoopBackOff)
 */
public record PodActions(List<Start> start, Map<String, String> kill, List<String> remove,
                         Map<String, Instant> backOff) {

    public record Start(int index, String name, int restartCount) {
    }

    public PodActions {
        start = List.copyOf(start);
        kill = Map.copyOf(kill);
        remove = List.copyOf(remove);
        backOff = Map.copyOf(backOff);
    }

    public boolean isEmpty() {
        return start.isEmpty() && kill.isEmpty() && remove.isEmpty();
    }
}
