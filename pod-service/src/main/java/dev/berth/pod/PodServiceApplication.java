package dev.berth.pod;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The API server for namespaces, pods, services, endpoints, nodes and events (kube-apiserver's core). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PodServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PodServiceApplication.class, args);
    }
}
