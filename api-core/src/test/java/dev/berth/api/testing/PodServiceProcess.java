package dev.berth.api.testing;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real pod-service jar (built earlier in the reactor) as a separate process the tests can stop and restart. */
public final class PodServiceProcess {

    private static final Path JAR = Path.of("..", "pod-service", "target", "pod-service.jar");

    private final int port;
    private final List<String> args;
    private Process process;

    /** @param gatewaySecret empty to accept direct calls */
    public PodServiceProcess(RedisServer redis, String keyPrefix, String gatewaySecret) {
        this.port = RedisServer.freePort();
        this.args = List.of("java", "-Xmx512m", "-jar", JAR.toString(), "--server.address=127.0.0.1",
                "--server.port=" + port, "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(), "--berth.storage.key-prefix=" + keyPrefix,
                "--berth.api.gateway-secret=" + gatewaySecret, "--logging.level.root=WARN");
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() {
        start(Duration.ofSeconds(90));
    }

    /** Starts and waits up to {@code limit} for readiness (a shared, busy machine may need longer than 90 s). */
    public void start(Duration limit) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build pod-service first");
        }
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("pod-service", ".log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        awaitHealthy(limit);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                        java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitHealthy(Duration limit) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        Awaitility.await("pod-service ready").atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("pod-service exited with " + process.exitValue());
            }
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }
}
