package dev.berth.proxy.routing;

import dev.berth.proxy.balance.Balancer;
import dev.berth.proxy.metrics.ServiceMetrics;

/**
 * A service port as the data path sees it. Both of its sockets (port and nodePort) share one route, and it
 * outlives endpoint changes, so round robin and affinities carry on across updates.
 */
public record ServiceRoute(ServicePortName name, Balancer balancer, ServiceMetrics metrics) {
}
