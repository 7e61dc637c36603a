package dev.berth.pod;

import dev.berth.api.testing.RedisServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running pod-service on a random port over the shared test Redis. All test classes extend this one so
 * they share one application context (and one key prefix, so names must be unique per test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PodServiceTest {

    private static final String PREFIX = RedisServer.newPrefix();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        RedisServer redis = RedisServer.shared();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("berth.storage.key-prefix", () -> PREFIX);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
