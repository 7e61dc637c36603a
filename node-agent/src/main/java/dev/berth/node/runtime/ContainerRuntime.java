package dev.berth.node.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The seam between the node-agent and a container engine (Docker here; kubelet's CRI). */
public interface ContainerRuntime {

    /** Containers carrying all of {@code labels}, running or not. */
    List<RuntimeContainer> list(Map<String, String> labels);

    RuntimeContainer inspect(String id);

    boolean hasImage(String image);

    void pull(String image);

    /** Creates (does not start) a container; returns its id. */
    String create(ContainerSpec spec);

    void start(String id);

    /** Asks the container to stop (SIGTERM), killing it after {@code grace}. */
    void stop(String id, Duration grace);

    void remove(String id);

    /**
     * Copies the container's output to {@code out} as it is written: the last {@code tailLines} lines
     * (all when null), then, with {@code follow}, everything new until the container stops or the caller
     * closes the stream.
     */
    void logs(String id, boolean follow, Integer tailLines, boolean timestamps, java.io.OutputStream out);

    /**
     * Runs {@code command} inside a running container (an exec probe) and returns its exit code; a command
     * still running after {@code timeout} counts as failed (-1).
     */
    int exec(String id, java.util.List<String> command, Duration timeout);

    /** The address containers reach the node on (Docker's bridge gateway), e.g. for the service proxy. */
    String hostAddressForContainers();

    /** The engine's version, e.g. {@code docker://20.10.24}; throws when the engine is unreachable. */
    String version();
}
