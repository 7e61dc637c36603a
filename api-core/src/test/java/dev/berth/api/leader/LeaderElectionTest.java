package dev.berth.api.leader;

import dev.berth.api.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances on a real Redis: exactly one leads; when it stops, the other takes over and is told so. */
class LeaderElectionTest {

    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    @AfterEach
    void stop() {
        cleanup.forEach(Runnable::run);
    }

    private record Instance(Leadership leadership, LockRegistryLeaderInitiator initiator, AtomicInteger grants,
                            AtomicInteger revokes) {
    }

    private Instance start(LeaderProperties properties) {
        RedisServer redis = RedisServer.shared();
        JedisConnectionFactory connections = new JedisConnectionFactory(
                new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        AtomicInteger grants = new AtomicInteger();
        AtomicInteger revokes = new AtomicInteger();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("listener", new LeadershipListener() {
            @Override
            public void onGranted() {
                grants.incrementAndGet();
            }

            @Override
            public void onRevoked() {
                revokes.incrementAndGet();
            }
        });
        LeaderElectionConfiguration configuration = new LeaderElectionConfiguration();
        RedisLockRegistry registry = configuration.leaderLockRegistry(connections, properties);
        Leadership leadership = configuration.leadership(properties, beans.getBeanProvider(LeadershipListener.class));
        LockRegistryLeaderInitiator initiator = configuration.leaderInitiator(registry, leadership, properties);
        initiator.start();
        cleanup.push(connections::destroy);
        cleanup.push(registry::destroy);
        cleanup.push(initiator::stop);
        return new Instance(leadership, initiator, grants, revokes);
    }

    @Test
    void oneInstanceLeadsAndTheOtherTakesOverWhenItStops() {
        LeaderProperties properties = new LeaderProperties("test-" + RedisServer.newPrefix(), "berth-leader-test",
                Duration.ofSeconds(3), Duration.ofMillis(200));
        Instance first = start(properties);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.leadership().isLeader());
        Instance second = start(properties);
        // The second keeps trying for several renewals without being granted.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> first.leadership().isLeader() && !second.leadership().isLeader());
        assertThat(second.grants()).hasValue(0);

        first.initiator().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.leadership().isLeader());
        assertThat(first.leadership().isLeader()).isFalse();
        assertThat(first.revokes()).hasValue(1);
        assertThat(second.grants()).hasValue(1);
    }
}
