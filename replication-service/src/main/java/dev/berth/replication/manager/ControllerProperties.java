package dev.berth.replication.manager;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled       run the control loops (an instance may serve only the API)
 * @param leaderElection run the loops only while this instance holds the Redis leader lock
 *                       ({@code berth.leader.*}); off, every instance runs them
 * @param workers       worker threads per loop (a key is never reconciled by two at once)
 */
@ConfigurationProperties("berth.controllers")
public record ControllerProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("true") boolean leaderElection,
                                   @DefaultValue("2") int workers,
                                   @DefaultValue Api api,
                                   @DefaultValue Replication replication,
                                   @DefaultValue Nodes nodes) {

    /**
     * Where the loops reach the API. In a cluster both URLs are the gateway's and {@code token} is the
     * controller manager's; a test may point them at pod-service and replication-service directly.
     *
     * @param podsUrl          pods, services, endpoints, nodes
     * @param controllersUrl   replication controllers
     * @param trustCertificates accept the gateway's certificate without checking it (self-signed local setups)
     * @param resync           how often informers hand every cached object to the loops again
     */
    public record Api(@DefaultValue("http://127.0.0.1:8080") String podsUrl,
                      @DefaultValue("http://127.0.0.1:8080") String controllersUrl,
                      @DefaultValue("") String token,
                      @DefaultValue("false") boolean trustCertificates,
                      @DefaultValue("5m") Duration resync) {
    }

    /** @param burst most pods one sync of one controller creates or deletes */
    public record Replication(@DefaultValue("500") int burst) {
    }

    /**
     * @param monitorPeriod      how often each node's heartbeat is checked
     * @param gracePeriod        a heartbeat older than this makes the node Ready=Unknown
     * @param evictionTimeout    how long a node stays not ready before its pods are deleted
     * @param unhealthyThreshold no eviction while at least this fraction of nodes is not ready at once
     */
    public record Nodes(@DefaultValue("5s") Duration monitorPeriod,
                        @DefaultValue("40s") Duration gracePeriod,
                        @DefaultValue("60s") Duration evictionTimeout,
                        @DefaultValue("0.55") double unhealthyThreshold) {
    }
}
