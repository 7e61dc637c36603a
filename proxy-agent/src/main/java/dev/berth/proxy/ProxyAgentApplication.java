package dev.berth.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Listens on this node's address for every service port and forwards connections to the service's endpoints. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProxyAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProxyAgentApplication.class, args);
    }
}
