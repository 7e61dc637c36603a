package dev.berth.pod.pods;

import dev.berth.api.errors.ApiException;
import dev.berth.api.patch.Patcher;
import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.storage.ObjectKey;
import dev.berth.api.storage.Storage;
import dev.berth.api.storage.redis.RedisStorage;
import dev.berth.api.storage.redis.RedisStorageProperties;
import dev.berth.api.testing.RedisServer;
import dev.berth.api.web.ApiProperties;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A create whose generated name another client took first gets a new name, as kube-apiserver does since 1.31,
 * up to 7 times; a name the client chose is never changed. The rival creates are real writes to Redis, made
 * just before the registry's own (as another API server would race it).
 */
class GeneratedNameRetryTest {

    private final JedisConnectionFactory factory = connect();
    private final RedisStorage redis = new RedisStorage(new StringRedisTemplate(factory),
            new ObjectCodec(JsonMapper.builder().build()),
            new RedisStorageProperties(RedisServer.newPrefix(), 1000, 1000, 500),
            resource -> resource.equals("namespaces") ? Namespace.class : Pod.class);
    private final AtomicInteger rivals = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Registry<Pod> pods = new Registry<>(new PodStrategy(new ApiProperties(0, null, null, 0, null, false)),
            racedBy(redis), new ObjectCodec(JsonMapper.builder().build()), new Patcher(), Clock.systemUTC());

    GeneratedNameRetryTest() {
        redis.create(new ObjectKey("namespaces", "", "race"),
                new NamespaceBuilder().withNewMetadata().withName("race").endMetadata().build());
    }

    @AfterEach
    void close() {
        redis.close();
        factory.destroy();
    }

    @Test
    void aTakenGeneratedNameIsGeneratedAgain() {
        rivals.set(3);
        Pod created = pods.create("race", pod(null, "web-"), false);

        assertThat(attempts).hasValue(4);
        assertThat(created.getMetadata().getName()).startsWith("web-").hasSize("web-".length() + 5);
        assertThat(pods.list("race", Selection.EVERYTHING).items())
                .extracting(p -> p.getMetadata().getName()).hasSize(4).contains(created.getMetadata().getName());
    }

    @Test
    void afterEightTakenNamesTheCreateIsRefusedWithAlreadyExists() {
        rivals.set(100);
        assertThatThrownBy(() -> pods.create("race", pod(null, "web-"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("AlreadyExists");
                });
        assertThat(attempts).hasValue(8);
    }

    @Test
    void aNameTheClientChoseIsNeverReplaced() {
        rivals.set(1);
        assertThatThrownBy(() -> pods.create("race", pod("chosen", "web-"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo("AlreadyExists"));
        assertThat(attempts).hasValue(1);
    }

    /** The storage, with a rival's create of the same key just before each of the registry's while rivals last. */
    private Storage racedBy(Storage storage) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[]{Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createInNamespace")) {
                        attempts.incrementAndGet();
                        ObjectKey key = (ObjectKey) args[1];
                        if (rivals.getAndDecrement() > 0) {
                            storage.createInNamespace((ObjectKey) args[0], key, pod(key.name(), null));
                        }
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Pod pod(String name, String generateName) {
        return new PodBuilder().withNewMetadata().withNamespace("race").withName(name).withGenerateName(generateName)
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer()
                .endSpec().build();
    }

    private static JedisConnectionFactory connect() {
        RedisServer server = RedisServer.shared();
        JedisConnectionFactory factory = new JedisConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), server.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
