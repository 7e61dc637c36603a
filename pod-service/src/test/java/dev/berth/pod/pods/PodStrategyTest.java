package dev.berth.pod.pods;

import dev.berth.api.errors.FieldError;
import dev.berth.api.web.ApiProperties;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodStrategyTest {

    private final PodStrategy strategy = new PodStrategy(properties(false));

    private static ApiProperties properties(boolean allowPrivileged) {
        return new ApiProperties(0, null, null, 0, null, allowPrivileged);
    }

    @Test
    void aPrivilegedContainerIsAcceptedOnlyWhereTheClusterAllowsIt() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec().addNewContainer()
                .withName("c").withImage("busybox").withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .endContainer().endSpec().build();
        assertThat(strategy.validate(pod)).extracting(FieldError::field)
                .containsExactly("spec.containers[0].securityContext.privileged");
        assertThat(new PodStrategy(properties(true)).validate(pod)).isEmpty();
    }

    private static Pod pod(String node, String phase, Long ownGrace) {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata()
                .withNewSpec().withNodeName(node).withTerminationGracePeriodSeconds(ownGrace)
                .addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus().build();
        return pod;
    }

    @ParameterizedTest(name = "node={0} phase={1} requested={2} own={3} -> {4}s")
    @CsvSource(nullValues = "-", textBlock = """
            -,  Pending,   -,  30, 0
            n1, Running,   -,  -,  30
            n1, Running,   -,  45, 45
            n1, Running,   5,  45, 5
            n1, Running,   0,  45, 0
            n1, Succeeded, -,  45, 0
            n1, Failed,    10, 45, 0
            """)
    void gracePeriod(String node, String phase, Long requested, Long own, long expected) {
        assertThat(strategy.gracePeriodSeconds(pod(node, phase, own), requested)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "requests={0} limits={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                    | -                    | BestEffort
            cpu=100m             | -                    | Burstable
            -                    | cpu=1;memory=1Gi     | Guaranteed
            cpu=1;memory=1Gi     | cpu=1;memory=1Gi     | Guaranteed
            cpu=1000m;memory=1Gi | cpu=1;memory=1024Mi  | Guaranteed
            cpu=500m;memory=1Gi  | cpu=1;memory=1Gi     | Burstable
            -                    | cpu=1                | Burstable
            """)
    void qualityOfServiceClass(String requests, String limits, String expected) {
        PodSpec spec = new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c").withImage("i")
                .withResources(new ResourceRequirementsBuilder().withRequests(quantities(requests))
                        .withLimits(quantities(limits)).build()).build()).build();
        assertThat(QosClass.of(spec)).isEqualTo(expected);
    }

    @Test
    void createDefaultsTheSpecAndStartsPending() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .addNewContainer().withName("a").withImage("redis").endContainer()
                .addNewContainer().withName("b").withImage("redis:7").addNewPort().withContainerPort(6379).endPort()
                .endContainer().endSpec().withNewStatus().withPhase("Running").endStatus().build();
        strategy.prepareForCreate(pod);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(pod.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getSpec().getContainers().get(1).getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(pod.getSpec().getContainers().get(1).getPorts().get(0).getProtocol()).isEqualTo("TCP");
    }

    @Test
    void selectableFieldsIncludeNodeAndPhase() {
        Map<String, String> fields = strategy.selectableFields(pod("n1", "Running", null));
        assertThat(fields).containsEntry("spec.nodeName", "n1").containsEntry("status.phase", "Running");
        assertThat(strategy.selectableFieldNames()).containsAll(fields.keySet());
    }

    private static Map<String, Quantity> quantities(String spec) {
        Map<String, Quantity> result = new HashMap<>();
        if (spec != null) {
            for (String pair : spec.split(";")) {
                String[] kv = pair.split("=");
                result.put(kv[0], new Quantity(kv[1]));
            }
        }
        return result;
    }
}
