package dev.berth.gateway;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One gateway (in this JVM) in front of one real pod-service process, over a real Redis, shared by all
 * gateway tests. Tokens: {@code admin-token} (system:masters), {@code viewer-token} (viewers),
 * {@code node1-token}/{@code node2-token} (system:nodes), {@code scheduler-token} (system:kube-scheduler),
 * {@code controllers-token} (system:kube-controller-manager).
 */
final class GatewayCluster {

    static final String ADMIN = "admin-token";
    static final String VIEWER = "viewer-token";
    static final String NODE1 = "node1-token";
    static final String NODE2 = "node2-token";
    static final String THROTTLED = "throttled-token";
    static final String SCHEDULER = "scheduler-token";
    static final String CONTROLLERS = "controllers-token";

    /** The leader locks' key prefix, this cluster's own in the shared Redis. */
    static final String LEADER_KEYS = "berth-leader-" + UUID.randomUUID();

    private static GatewayCluster shared;

    /** The API servers' key prefix in the shared Redis. */
    final String keyPrefix = RedisServer.newPrefix();
    final PodServiceProcess podService;
    final ConfigurableApplicationContext gateway;
    final String secret = UUID.randomUUID().toString();
    final SelfSignedCertificate certificate = SelfSignedCertificate.create();

    private GatewayCluster() {
        RedisServer redis = RedisServer.shared();
        podService = new PodServiceProcess(redis, keyPrefix, secret);
        podService.start();
        try {
            gateway = startGateway(redis);
        } catch (RuntimeException e) {
            podService.stop();
            throw e;
        }
    }

    private ConfigurableApplicationContext startGateway(RedisServer redis) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--server.ssl.key-store=" + certificate.keyStore, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + SelfSignedCertificate.PASSWORD,
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=" + podService.url(),
                "--berth.gateway.token-file=" + tokenFile(), "--berth.gateway.backend-secret=" + secret,
                "--berth.rate-limit.requests-per-second=20", "--berth.rate-limit.burst=40",
                "--berth.authorization.groups.throttled[0].verbs=get,list",
                "--berth.authorization.groups.throttled[0].resources=*",
                "--berth.status.api-servers=pod-service", "--berth.status.leader-key-prefix=" + LEADER_KEYS,
                "--logging.level.root=WARN");
    }

    static synchronized GatewayCluster shared() {
        if (shared == null) {
            shared = new GatewayCluster();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.podService::stop));
        }
        return shared;
    }

    String url() {
        return "https://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    static Path tokenFile() {
        try {
            Path file = Files.createTempFile("berth-tokens", ".csv");
            Files.writeString(file, """
                    # token,user,uid,"groups"
                    admin-token,admin,uid-1,"system:masters"
                    viewer-token,vera,uid-2,"viewers"
                    node1-token,system:node:node-1,uid-3,"system:nodes"
                    node2-token,system:node:node-2,uid-4,"system:nodes"
                    throttled-token,tom,uid-5,"throttled"
                    scheduler-token,system:kube-scheduler,uid-6,"system:kube-scheduler"
                    controllers-token,system:kube-controller-manager,uid-7,"system:kube-controller-manager"
                    """);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
