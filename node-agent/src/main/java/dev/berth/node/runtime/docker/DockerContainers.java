package dev.berth.node.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.berth.node.runtime.ContainerSpec;
import dev.berth.node.runtime.RuntimeContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps Docker's inspect response to the runtime-neutral {@link RuntimeContainer}. */
final class DockerContainers {

    /** Docker's "never" timestamp. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private DockerContainers() {
    }

    static RuntimeContainer toRuntime(InspectContainerResponse inspect) {
        var state = inspect.getState();
        RuntimeContainer.State runtimeState = Boolean.TRUE.equals(state.getRunning()) ? RuntimeContainer.State.RUNNING
                : "created".equals(state.getStatus()) ? RuntimeContainer.State.CREATED : RuntimeContainer.State.EXITED;
        Long exitCode = state.getExitCodeLong();
        Map<String, String> labels = inspect.getConfig().getLabels() == null ? Map.of() : inspect.getConfig().getLabels();
        Instant finished = time(state.getFinishedAt());
        if (finished == null && runtimeState == RuntimeContainer.State.CREATED && exitCode != null && exitCode != 0) {
            // It failed to start (e.g. its host port is taken) and so never finished: the attempt ended when it
            // was made, and the restart back-off counts from there instead of retrying at every sync.
            finished = time(inspect.getCreated());
        }
        return new RuntimeContainer(inspect.getId(), inspect.getName().replaceFirst("^/", ""),
                inspect.getConfig().getImage(), labels, runtimeState, exitCode == null ? 0 : exitCode.intValue(),
                time(state.getStartedAt()), finished, published(inspect));
    }

    private static List<ContainerSpec.PortMapping> published(InspectContainerResponse inspect) {
        List<ContainerSpec.PortMapping> ports = new ArrayList<>();
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return ports;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry
                : inspect.getNetworkSettings().getPorts().getBindings().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                ports.add(new ContainerSpec.PortMapping(entry.getKey().getPort(),
                        entry.getKey().getProtocol().name(), binding.getHostIp(),
                        Integer.parseInt(binding.getHostPortSpec())));
            }
        }
        return ports;
    }

    private static Instant time(String value) {
        return value == null || value.isEmpty() || value.equals(ZERO_TIME) ? null : Instant.parse(value);
    }
}
