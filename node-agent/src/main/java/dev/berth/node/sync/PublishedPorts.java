package dev.berth.node.sync;

import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod annotation telling services where the pod's ports are reachable: every container port is published
 * on the node address, usually on an ephemeral port, and the endpoints controller reads it from here.
 */
final class PublishedPorts {

    /** JSON object {@code {"<containerPort>/<protocol>": <port on the node address>}}. */
    static final String ANNOTATION = "berth.dev/published-ports";

    private PublishedPorts() {
    }

    /** The annotation's value for the pod's running containers; null when none publishes a port. */
    static String of(List<RuntimeContainer> containers) {
        Map<String, Integer> ports = new TreeMap<>();
        containers.stream().filter(c -> c.state() == RuntimeContainer.State.RUNNING)
                .flatMap(c -> c.publishedPorts().stream())
                .forEach(p -> ports.put(p.containerPort() + "/" + p.protocol().toUpperCase(), p.hostPort()));
        return ports.isEmpty() ? null : Serialization.asJson(ports);
    }
}
