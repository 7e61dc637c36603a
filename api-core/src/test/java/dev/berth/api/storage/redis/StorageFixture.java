package dev.berth.api.storage.redis;

import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.testing.RedisServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A {@link RedisStorage} on the shared test Redis, under a key prefix of its own. */
final class StorageFixture implements AutoCloseable {

    final JedisConnectionFactory factory;
    final StringRedisTemplate redis;
    final RedisStorage storage;
    private final RedisStorageProperties properties;
    private final JsonMapper mapper = JsonMapper.builder().build();
    final String prefix = RedisServer.newPrefix();

    StorageFixture(long history, int watchCache) {
        RedisServer server = RedisServer.shared();
        factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        properties = new RedisStorageProperties(prefix, history, watchCache, 500);
        storage = secondProcess();
    }

    /** Another storage on the same keys, as a second API server process has (the caller closes it). */
    RedisStorage secondProcess() {
        return new RedisStorage(redis, new ObjectCodec(mapper), properties, resource -> Pod.class);
    }

    /** The mapper the storage encodes with. */
    JsonMapper mapper() {
        return mapper;
    }

    static Pod pod(String namespace, String name) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .build();
    }

    @Override
    public void close() {
        storage.close();
        factory.destroy();
    }
}
