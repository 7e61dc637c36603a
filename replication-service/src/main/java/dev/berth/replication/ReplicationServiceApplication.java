package dev.berth.replication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API server for replication controllers, and the control loops that keep the cluster true
 * (kube-controller-manager's replication, endpoints and node lifecycle controllers).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReplicationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReplicationServiceApplication.class, args);
    }
}
