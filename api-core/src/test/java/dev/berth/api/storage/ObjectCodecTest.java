package dev.berth.api.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A written object's answer is its stored JSON with the resourceVersion spliced in: it must be byte for byte
 * what encoding the object with that resourceVersion gives, wherever the field lands in the metadata.
 */
class ObjectCodecTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new BlackbirdModule()).build();
    private final ObjectCodec codec = new ObjectCodec(MAPPER);

    static List<HasMetadata> objects() {
        ObjectMeta withExtraField = new ObjectMetaBuilder().withName("extra").build();
        withExtraField.setAdditionalProperty("zone", "a");
        return List.of(
                // uid follows resourceVersion: the field goes before it.
                new PodBuilder().withNewMetadata().withName("web-x1").withGenerateName("web-")
                        .withNamespace("default").withUid("4f1c").withCreationTimestamp("2026-12-07T10:00:00Z")
                        .withLabels(Map.of("app", "web")).withAnnotations(Map.of("note", "café \"quoted\" ✓"))
                        .addNewOwnerReference().withApiVersion("v1").withKind("ReplicationController")
                        .withName("web").withUid("9a").withController(true).endOwnerReference()
                        .endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                        .build(),
                // Nothing follows it: the field closes the metadata.
                new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build(),
                new ServiceBuilder().withNewMetadata().withName("svc").withSelfLink("/x").endMetadata().build(),
                new PodBuilder().withMetadata(new ObjectMeta()).build(),
                new PodBuilder().withMetadata(withExtraField).build());
    }

    @ParameterizedTest
    @MethodSource("objects")
    void theAnswerToAWriteIsTheFabric8EncodingOfTheStoredObject(HasMetadata object) {
        String stored = codec.encode(object);
        object.getMetadata().setResourceVersion("1234");

        byte[] answer = codec.stored(object, 1234, stored).json();

        assertThat(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo(new String(MAPPER.writeValueAsBytes(object), StandardCharsets.UTF_8))
                .contains("\"resourceVersion\":\"1234\"");
    }
}
