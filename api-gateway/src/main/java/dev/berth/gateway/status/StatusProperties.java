package dev.berth.gateway.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param apiServers      the discovery service ids of the API servers, whose every instance is probed
 * @param leaderKeyPrefix the leader elections' Redis key prefix (their {@code berth.leader.registry-key})
 * @param leaders         the elected roles the status page reports, each held by at most one instance
 */
@ConfigurationProperties("berth.status")
public record StatusProperties(@DefaultValue({"pod-service", "replication-service"}) List<String> apiServers,
                               @DefaultValue("berth-leader") String leaderKeyPrefix,
                               @DefaultValue({"scheduler", "controller-manager"}) List<String> leaders) {
}
