package dev.berth.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.berth.api.testing.RedisServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A test's own gateway, on TLS with its certificate, in front of one pod-service (the real one or a stand-in). */
final class OwnGateway {

    private OwnGateway() {
    }

    /** @param more further {@code --name=value} arguments (timeouts, rate limits, log levels) */
    static ConfigurableApplicationContext start(SelfSignedCertificate certificate, String podServiceUri,
                                                String backendSecret, String... more) {
        RedisServer redis = RedisServer.shared();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--server.ssl.key-store=" + certificate.keyStore, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + SelfSignedCertificate.PASSWORD,
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=" + podServiceUri,
                "--berth.gateway.token-file=" + GatewayCluster.tokenFile(),
                "--berth.gateway.backend-secret=" + backendSecret));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
                .run(arguments.toArray(String[]::new));
    }

    /** Stops what a test started, either of which may not have started. */
    static void stop(ConfigurableApplicationContext gateway, HttpServer backend) {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }
}
