package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KindValidatorsTest {

    private static Service service(String type, String clusterIP, Map<String, String> selector, IntOrString target,
                                   String... portNames) {
        ServiceBuilder builder = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default")
                .endMetadata().withNewSpec().withType(type).withClusterIP(clusterIP).withSelector(selector).endSpec();
        int port = 80;
        for (String name : portNames) {
            builder.editSpec().addNewPort().withName(name).withPort(port++).withTargetPort(target).withProtocol("TCP")
                    .endPort().endSpec();
        }
        return builder.build();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void services() {
        assertThat(ServiceValidator.validate(service("ClusterIP", null, Map.of("app", "web"),
                new IntOrString(8080), "http", "https"))).isEmpty();
        assertThat(ServiceValidator.validate(service("ClusterIP", null, Map.of("app", "web"), new IntOrString("http"),
                (String) null))).isEmpty();
        assertThat(fields(ServiceValidator.validate(service("ClusterIP", null, Map.of("app", "not valid!"),
                new IntOrString(80), "a")))).containsExactly("spec.selector");
        assertThat(fields(ServiceValidator.validate(service("Balanced", null, null, new IntOrString(80), "a"))))
                .containsExactly("spec.type");
        assertThat(fields(ServiceValidator.validate(service("ClusterIP", null, null, new IntOrString(80), null, null))))
                .contains("spec.ports[0].name", "spec.ports[1].name");
        assertThat(fields(ServiceValidator.validate(service("ClusterIP", null, null, new IntOrString(0), "a"))))
                .containsExactly("spec.ports[0].targetPort");
        assertThat(fields(ServiceValidator.validate(service("ClusterIP", "10.0.0.300", null, new IntOrString(80), "a"))))
                .containsExactly("spec.clusterIP");
        assertThat(fields(ServiceValidator.validate(service("ClusterIP", null, null, null)))).containsExactly("spec.ports");
        Service old = service("ClusterIP", "10.96.0.10", null, new IntOrString(80), "a");
        assertThat(ServiceValidator.validateUpdate(service("ClusterIP", "10.96.0.11", null, new IntOrString(80), "a"),
                old)).extracting(FieldError::message).containsExactly("Invalid value: \"10.96.0.11\": field is immutable");
    }

    @ParameterizedTest(name = "service name {0} valid={1}")
    @CsvSource({"web, true", "web-1, true", "1web, false", "Web, false", "web.svc, false"})
    void serviceNamesAreDns1035Labels(String name, boolean valid) {
        Service service = service("ClusterIP", null, null, new IntOrString(80), "a");
        service.getMetadata().setName(name);
        assertThat(ServiceValidator.validate(service).isEmpty()).isEqualTo(valid);
    }

    @Test
    void nodesNamespacesEndpointsAndEvents() {
        assertThat(NodeValidator.validate(new NodeBuilder().withNewMetadata().withName("node-1.example").endMetadata()
                .withNewStatus().withCapacity(Map.of("cpu", new Quantity("2"), "memory", new Quantity("8Gi"),
                        "pods", new Quantity("110")))
                .endStatus().build())).isEmpty();
        assertThat(fields(NodeValidator.validate(new NodeBuilder().withNewMetadata().withName("n").endMetadata()
                .withNewStatus().withCapacity(Map.of("cpu", new Quantity("-2"))).endStatus().build())))
                .containsExactly("status.capacity[cpu]");
        assertThat(fields(NamespaceValidator.validate(new NamespaceBuilder().withNewMetadata().withName("team.a")
                .endMetadata().build()))).containsExactly("metadata.name");
        assertThat(fields(EndpointsValidator.validate(new EndpointsBuilder().withNewMetadata().withName("web")
                .endMetadata().addNewSubset().addNewAddress().withIp("not-an-ip").endAddress().addNewPort()
                .withPort(70000).endPort().endSubset().build())))
                .containsExactly("subsets[0].addresses[0].ip", "subsets[0].ports[0].port");
        assertThat(fields(EventValidator.validate(new EventBuilder().withNewMetadata().withName("e.1")
                .withNamespace("default").endMetadata().withNewInvolvedObject().withNamespace("other").withKind("Pod")
                .withName("p").endInvolvedObject().build()))).containsExactly("involvedObject.namespace");
    }

    @Test
    void replicationControllerSelectorMustMatchItsTemplate() {
        ReplicationControllerBuilder rc = new ReplicationControllerBuilder().withNewMetadata().withName("redis")
                .endMetadata().withNewSpec().withReplicas(2).withSelector(Map.of("name", "redis")).withNewTemplate()
                .withNewMetadata().withLabels(Map.of("name", "redis")).endMetadata().withNewSpec().addNewContainer()
                .withName("redis").withImage("redis").endContainer().endSpec().endTemplate().endSpec();
        assertThat(ReplicationControllerValidator.validate(rc.build())).isEmpty();
        assertThat(fields(ReplicationControllerValidator.validate(rc.editSpec().withReplicas(-1)
                .withSelector(Map.of("name", "other")).endSpec().build())))
                .containsExactly("spec.replicas", "spec.template.metadata.labels");
    }
}
