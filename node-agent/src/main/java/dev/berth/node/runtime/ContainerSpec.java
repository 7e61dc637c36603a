package dev.berth.node.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container to create, in runtime terms (no Kubernetes types): the node-agent translates a pod's
 * container into this.
 *
 * @param memoryLimitBytes 0 for no limit
 * @param cpuLimitMillis   0 for no limit
 * @param host             what of the node the container shares (only where the cluster allows it)
 */
public record ContainerSpec(String name, String image, List<String> command, List<String> args,
                            Map<String, String> env, String workingDir, Map<String, String> labels,
                            List<PortMapping> ports, long memoryLimitBytes, long cpuLimitMillis, HostAccess host) {

    public ContainerSpec {
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }

    /**
     * A container port published on the node.
     *
     * @param hostPort 0 to let the engine pick a free port (services still reach the pod through it)
     */
    public record PortMapping(int containerPort, String protocol, String hostIp, int hostPort) {
    }

    /**
     * The node's resources a container shares: privileged mode, the node's network, PID and IPC namespaces,
     * and directories of the node mounted into it.
     */
    public record HostAccess(boolean privileged, boolean network, boolean pid, boolean ipc, List<HostMount> mounts) {

        public static final HostAccess NONE = new HostAccess(false, false, false, false, List.of());

        public HostAccess {
            mounts = List.copyOf(mounts);
        }
    }

    /** A node directory or file ({@code hostPath}) at {@code containerPath}. */
    public record HostMount(String hostPath, String containerPath, boolean readOnly) {
    }
}
