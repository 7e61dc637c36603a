package dev.berth.node.runtime;

/**
 * Labels on every container the agent creates: they tie a container to its pod and container, so a
 * restarted agent can adopt what runs and remove what no pod owns any more.
 */
public final class Labels {

    public static final String MANAGED = "berth.managed";
    /** Several agents may share one engine (a local cluster); each sweeps only its own containers. */
    public static final String NODE_NAME = "berth.node.name";
    public static final String POD_UID = "berth.pod.uid";
    public static final String POD_NAMESPACE = "berth.pod.namespace";
    public static final String POD_NAME = "berth.pod.name";
    public static final String CONTAINER_NAME = "berth.container.name";
    public static final String CONTAINER_HASH = "berth.container.hash";
    public static final String RESTART_COUNT = "berth.container.restarts";

    private Labels() {
    }
}
