package dev.berth.scheduler;

import dev.berth.api.leader.LeaderElectionConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Places unscheduled pods on fitting nodes. api-core comes only for its leader election, so its API server
 * auto-configuration is left out.
 */
@SpringBootApplication(excludeName = "dev.berth.api.config.ApiServerConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
@Import(LeaderElectionConfiguration.class)
public class SchedulingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchedulingServiceApplication.class, args);
    }
}
