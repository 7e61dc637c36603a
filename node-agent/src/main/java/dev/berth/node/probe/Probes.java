package dev.berth.node.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Kubernetes' probe defaults, and the container ports probes dial. */
public final class Probes {

    private Probes() {
    }

    static int periodSeconds(Probe probe) {
        return positiveOr(probe.getPeriodSeconds(), 10);
    }

    static int timeoutSeconds(Probe probe) {
        return positiveOr(probe.getTimeoutSeconds(), 1);
    }

    static int successThreshold(Probe probe) {
        return positiveOr(probe.getSuccessThreshold(), 1);
    }

    static int failureThreshold(Probe probe) {
        return positiveOr(probe.getFailureThreshold(), 3);
    }

    static int initialDelaySeconds(Probe probe) {
        return probe.getInitialDelaySeconds() == null ? 0 : Math.max(0, probe.getInitialDelaySeconds());
    }

    /**
     * Container ports the probes dial that the container does not declare: they are published too, or the
     * agent (on the host) could not reach them.
     */
    public static List<Integer> undeclaredPorts(Container container) {
        List<Integer> ports = new ArrayList<>();
        Stream.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())
                .filter(Objects::nonNull)
                .map(p -> p.getHttpGet() != null ? p.getHttpGet().getPort()
                        : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null)
                .map(port -> containerPort(container, port))
                .filter(Objects::nonNull)
                .filter(port -> container.getPorts().stream().noneMatch(p -> port.equals(p.getContainerPort())))
                .distinct().forEach(ports::add);
        return ports;
    }

    /** A probe's port as a number: numeric, or the container port of that name. */
    static Integer containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> Objects.equals(port.getStrVal(), p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static String describe(IntOrString port) {
        return port == null ? "<none>" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
