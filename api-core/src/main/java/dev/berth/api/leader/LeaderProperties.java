package dev.berth.api.leader;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param role        what is elected (e.g. {@code scheduler}); instances with the same role compete for one lock
 * @param registryKey the Redis key prefix of the lock registry, shared by all roles
 * @param lease       how long a lock outlives its holder's last renewal: the failover time after a crash
 * @param renewal     how often the leader renews (and a standby retries); well under {@code lease}
 */
@ConfigurationProperties("berth.leader")
public record LeaderProperties(@DefaultValue("default") String role,
                               @DefaultValue("berth-leader") String registryKey,
                               @DefaultValue("10s") Duration lease,
                               @DefaultValue("1s") Duration renewal) {
}
