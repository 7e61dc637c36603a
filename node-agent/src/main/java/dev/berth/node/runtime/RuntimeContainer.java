package dev.berth.node.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A container as the engine reports it. {@code startedAt}/{@code finishedAt} are null when not applicable. */
public record RuntimeContainer(String id, String name, String image, Map<String, String> labels, State state,
                               int exitCode, Instant startedAt, Instant finishedAt,
                               List<ContainerSpec.PortMapping> publishedPorts) {

    public enum State { CREATED, RUNNING, EXITED }

    public RuntimeContainer {
        labels = Map.copyOf(labels);
        publishedPorts = List.copyOf(publishedPorts);
    }

    /** Which attempt this is, from the label the agent set; the newest attempt has the highest. */
    public int restartCount() {
        try {
            return Integer.parseInt(labels.getOrDefault(Labels.RESTART_COUNT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
