package dev.berth.gateway;

import dev.berth.api.testing.RedisServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real replication-service jar (built earlier in the reactor) as a separate process: its API only, the
 * control loops off, over the same Redis and key prefix as pod-service (so the namespaces it checks exist).
 */
final class ReplicationServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "replication-service", "target", "replication-service.jar");

    private final int port = RedisServer.freePort();
    private final Process process;

    ReplicationServiceProcess(RedisServer redis, String keyPrefix, String gatewaySecret) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build replication-service first");
        }
        try {
            process = new ProcessBuilder("java", "-Xmx384m", "-jar", JAR.toString(), "--server.address=127.0.0.1",
                    "--server.port=" + port, "--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(), "--berth.storage.key-prefix=" + keyPrefix,
                    "--berth.api.gateway-secret=" + gatewaySecret, "--berth.controllers.enabled=false",
                    "--logging.level.root=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("replication-service", ".log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        Awaitility.await("replication-service ready").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("replication-service exited with " + process.exitValue());
                    }
                    try {
                        return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
    }
}
