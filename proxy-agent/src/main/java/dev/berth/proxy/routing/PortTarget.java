package dev.berth.proxy.routing;

import dev.berth.proxy.balance.Backend;

import java.time.Duration;
import java.util.List;

/** Where a service port's connections go: its ready endpoints, and the ClientIP affinity timeout (or null). */
public record PortTarget(List<Backend> backends, Duration affinity) {
}
