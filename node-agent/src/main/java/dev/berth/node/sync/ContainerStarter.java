package dev.berth.node.sync;

import dev.berth.node.NodeAgentProperties;
import dev.berth.node.discovery.ServiceDirectory;
import dev.berth.node.events.EventRecorder;
import dev.berth.node.runtime.ContainerRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Starts one container of a pod: image as the pull policy says, then create and start, each step an event. */
@Component
class ContainerStarter {

    private final ContainerRuntime runtime;
    private final ServiceDirectory services;
    private final EventRecorder events;
    private final NodeAgentProperties properties;

    ContainerStarter(ContainerRuntime runtime, ServiceDirectory services, EventRecorder events,
                     NodeAgentProperties properties) {
        this.runtime = runtime;
        this.services = services;
        this.events = events;
        this.properties = properties;
    }

    /** @return why the container is still waiting (e.g. {@code ErrImageNeverPull}), or empty once it started */
    Optional<String> start(Pod pod, Container container, int restartCount) {
        String image = container.getImage();
        ImagePolicy.Result result = ImagePolicy.ensure(runtime, container);
        switch (result) {
            case PRESENT -> events.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine");
            case PULLED -> events.normal(pod, "Pulled", "Successfully pulled image \"" + image + "\"");
            case NEVER_PULL -> events.warning(pod, "ErrImageNeverPull", "Container image \"" + image
                    + "\" is not present with pull policy of Never");
            case PULL_FAILED -> events.warning(pod, "Failed", "Failed to pull image \"" + image + "\"");
        }
        if (!result.ready()) {
            return Optional.of(result.reason());
        }
        String id;
        try {
            id = runtime.create(ContainerSpecs.of(pod, container, restartCount, properties.nodeName(),
                    properties.address(), services.environment(pod.getMetadata().getNamespace())));
        } catch (RuntimeException e) {
            events.warning(pod, "Failed", "Error: " + e.getMessage());
            return Optional.of("CreateContainerError");
        }
        events.normal(pod, "Created", "Created container " + container.getName());
        try {
            runtime.start(id);
        } catch (RuntimeException e) {
            // The container exists but never ran (e.g. its host port is taken): it counts as a failed attempt.
            events.warning(pod, "Failed", "Error: " + e.getMessage());
            return Optional.of("RunContainerError");
        }
        events.normal(pod, "Started", "Started container " + container.getName());
        return Optional.empty();
    }
}
