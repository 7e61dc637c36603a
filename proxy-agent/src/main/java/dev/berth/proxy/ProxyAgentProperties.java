package dev.berth.proxy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param nodeAddress    the address listeners bind: the node's address, where pods' ports are published too
 * @param podAddress     optional second address every service port is opened on, reachable from containers:
 *                       the Docker bridge gateway of the node's engine (e.g. 172.17.0.1); empty for none
 * @param apiServer      the API's URL (the gateway's, in a cluster)
 * @param token          bearer token for the API; empty for none
 * @param ioThreads      Netty event loops; 0 for Netty's default (twice the cores)
 * @param connectTimeout how long a connection to one endpoint may take before the next one is tried
 * @param udpIdleTimeout how long a UDP client's flow to its endpoint is kept without traffic
 * @param resyncInterval how often the listeners are compared with the Services even without an event
 *                       (retries ports that could not be bound, forgets expired affinities)
 */
@ConfigurationProperties("berth.proxy")
public record ProxyAgentProperties(String nodeAddress, String podAddress, String apiServer, String token, int ioThreads,
                                   Duration connectTimeout, Duration udpIdleTimeout, Duration resyncInterval) {

    /** The node address, then the pods' address if one is set. */
    public List<String> listenAddresses() {
        return podAddress == null || podAddress.isBlank() ? List.of(nodeAddress) : List.of(nodeAddress, podAddress);
    }
}
