package dev.berth.api.leader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Active/standby for a singleton (scheduler, controller manager): a Redis lock per role, held by at most one
 * instance and renewed while it lives. Not auto-configured: a singleton opts in with
 * {@code @Import(LeaderElectionConfiguration.class)}, sets {@code berth.leader.role}, declares
 * {@code spring-integration-redis} and acts only between {@link LeadershipListener#onGranted()} and
 * {@link LeadershipListener#onRevoked()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaderProperties.class)
public class LeaderElectionConfiguration {

    @Bean(destroyMethod = "destroy")
    RedisLockRegistry leaderLockRegistry(RedisConnectionFactory redis, LeaderProperties properties) {
        return new RedisLockRegistry(redis, properties.registryKey(), properties.lease());
    }

    @Bean
    Leadership leadership(LeaderProperties properties, ObjectProvider<LeadershipListener> listeners) {
        return new Leadership(properties.role(), instanceId(), listeners);
    }

    @Bean
    LockRegistryLeaderInitiator leaderInitiator(RedisLockRegistry leaderLockRegistry, Leadership leadership,
                                                LeaderProperties properties) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(leaderLockRegistry, leadership);
        // Renewal re-takes the held lock, which pushes its Redis expiry a full lease ahead.
        initiator.setHeartBeatMillis(properties.renewal().toMillis());
        initiator.setBusyWaitMillis(Math.min(properties.renewal().toMillis(), 100));
        initiator.setPublishFailedEvents(false);
        return initiator;
    }

    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
