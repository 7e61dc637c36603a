package dev.berth.api.web;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownFieldsTest {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void namesEveryUnknownFieldByItsPath() {
        Pod pod = mapper.readValue("""
                {"metadata":{"name":"p","labelz":{"a":"b"}},
                 "spec":{"containers":[{"name":"c","image":"i"},{"name":"d","imagex":"i","ports":[{"containerPort":1,"hostIP":"x","bogus":1}]}],
                         "nodeSelectr":{"k":"v"}},
                 "extra":true}""", Pod.class);

        assertThat(UnknownFields.find(pod)).containsExactlyInAnyOrder("extra", "metadata.labelz",
                "spec.nodeSelectr", "spec.containers[1].imagex", "spec.containers[1].ports[0].bogus");
    }

    @Test
    void aValidObjectHasNone() {
        Pod pod = mapper.readValue("""
                {"metadata":{"name":"p","labels":{"a":"b"},"annotations":{"x":"y"}},
                 "spec":{"containers":[{"name":"c","image":"i","env":[{"name":"A","value":"1"}]}]}}""", Pod.class);

        assertThat(UnknownFields.find(pod)).isEmpty();
    }
}
