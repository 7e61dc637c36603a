package dev.berth.replication.manager;

import dev.berth.api.leader.LeaderElectionConfiguration;
import dev.berth.api.leader.LeadershipListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * With leader election, only the instance holding the Redis lock ({@code berth.leader.role}) runs the
 * loops; the others serve the API and wait. Losing the lock stops the loops before another instance
 * can start its own, as the lease has to run out first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${berth.controllers.enabled:true} && ${berth.controllers.leader-election:true}")
@Import(LeaderElectionConfiguration.class)
class StartWhenElected {

    @Bean
    LeadershipListener controllerManagerLeadership(ControllerManager manager) {
        return new LeadershipListener() {
            @Override
            public void onGranted() {
                manager.start();
            }

            @Override
            public void onRevoked() {
                manager.stop();
            }
        };
    }
}
