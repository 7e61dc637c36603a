package dev.berth.proxy.routing;

import java.util.List;
import java.util.Map;

/**
 * What the agent should be doing, computed from Services and Endpoints alone.
 *
 * @param listeners which service port each node socket serves
 * @param targets   every service port's endpoints and affinity
 * @param conflicts service ports left without a socket because an older Service holds it, for the log
 */
public record RoutePlan(Map<ListenKey, ServicePortName> listeners, Map<ServicePortName, PortTarget> targets,
                        List<String> conflicts) {
}
