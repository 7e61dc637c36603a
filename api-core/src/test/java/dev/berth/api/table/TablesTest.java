package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablesTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void podListAsTable() {
        Pod redis = new PodBuilder()
                .withNewMetadata().withName("redis").withNamespace("default").withUid("u-1").withResourceVersion("41")
                .withCreationTimestamp("2024-05-01T11:57:00Z").addToLabels("app", "redis").endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("redis").withImage("redis:7").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").addNewPodIP("10.244.0.5")
                .addNewContainerStatus().withName("redis").withReady(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt("2024-05-01T11:57:02Z").endRunning().endState()
                .endContainerStatus()
                .endStatus().build();

        ObjectNode table = Tables.table(TablePrinters.forResource("pods", Pod.class), List.of(redis), "42",
                IncludeObject.METADATA, NOW, MAPPER);

        JsonNode expected = MAPPER.readTree("""
                {
                  "kind": "Table",
                  "apiVersion": "meta.k8s.io/v1",
                  "metadata": {"resourceVersion": "42"},
                  "columnDefinitions": [
                    {"name": "Name", "type": "string", "format": "name", "description": "%s", "priority": 0},
                    {"name": "Ready", "type": "string", "format": "", "description": "The aggregate readiness state of this pod for accepting traffic.", "priority": 0},
                    {"name": "Status", "type": "string", "format": "", "description": "The aggregate status of the containers in this pod.", "priority": 0},
                    {"name": "Restarts", "type": "string", "format": "", "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", "priority": 0},
                    {"name": "Age", "type": "string", "format": "", "description": "%s", "priority": 0},
                    {"name": "IP", "type": "string", "format": "", "description": "podIP address allocated to the pod.", "priority": 1},
                    {"name": "Node", "type": "string", "format": "", "description": "NodeName indicates in which node this pod is scheduled.", "priority": 1},
                    {"name": "Nominated Node", "type": "string", "format": "", "description": "nominatedNodeName is set when this pod preempts other pods on the node.", "priority": 1},
                    {"name": "Readiness Gates", "type": "string", "format": "", "description": "If specified, all readiness gates will be evaluated for pod readiness.", "priority": 1}
                  ],
                  "rows": [
                    {
                      "cells": ["redis", "1/1", "Running", "0", "3m", "10.244.0.5", "node-1", "<none>", "<none>"],
                      "object": {
                        "kind": "PartialObjectMetadata",
                        "apiVersion": "meta.k8s.io/v1",
                        "metadata": {
                          "name": "redis", "namespace": "default", "uid": "u-1", "resourceVersion": "41",
                          "creationTimestamp": "2024-05-01T11:57:00Z", "labels": {"app": "redis"}
                        }
                      }
                    }
                  ]
                }
                """.formatted(Descriptions.NAME, Descriptions.CREATION_TIMESTAMP));
        assertThat(table).isEqualTo(expected);
    }

    @Test
    void includeObjectChoosesWhatRowsCarry() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().addToData("k", "v").build();

        JsonNode none = Tables.table(Tables.defaultPrinter(), List.of(cm), null, IncludeObject.NONE, NOW, MAPPER);
        JsonNode full = Tables.table(Tables.defaultPrinter(), List.of(cm), null, IncludeObject.OBJECT, NOW, MAPPER);

        assertThat(none.get("rows").get(0).has("object")).isFalse();
        assertThat(none.get("metadata").isEmpty()).isTrue();
        assertThat(full.get("rows").get(0).get("object").get("kind").asString()).isEqualTo("ConfigMap");
        assertThat(full.get("rows").get(0).get("object").get("data").get("k").asString()).isEqualTo("v");
    }

    @Test
    void integerCellsStayNumbers() {
        var rc = new io.fabric8.kubernetes.api.model.ReplicationControllerBuilder()
                .withNewMetadata().withName("web").withCreationTimestamp("2024-05-01T11:00:00Z").endMetadata()
                .withNewSpec().withReplicas(3).addToSelector("app", "web")
                .withNewTemplate().withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer()
                .addNewContainer().withName("log").withImage("busybox").endContainer().endSpec().endTemplate()
                .endSpec()
                .withNewStatus().withReplicas(3).withReadyReplicas(2).endStatus().build();
        JsonNode cells = Tables.table(TablePrinters.forResource("replicationcontrollers",
                        io.fabric8.kubernetes.api.model.ReplicationController.class), List.of(rc), "7", IncludeObject.NONE, NOW,
                MAPPER).get("rows").get(0).get("cells");
        assertThat(cells.toString()).isEqualTo("[\"web\",3,3,2,\"60m\",\"nginx,log\",\"nginx:1.27,busybox\",\"app=web\"]");
    }

    @Test
    void defaultPrinterShowsNameAgeAndCreatedAt() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg")
                .withCreationTimestamp("2024-05-01T13:55:00+02:00").endMetadata().build();
        TablePrinter<HasMetadata> printer = Tables.defaultPrinter();
        assertThat(printer.columns()).extracting(TableColumn::name, TableColumn::type, TableColumn::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Name", "string", 0),
                        org.assertj.core.groups.Tuple.tuple("Age", "string", 0),
                        org.assertj.core.groups.Tuple.tuple("Created At", "date", 1));
        assertThat(printer.cells(cm, NOW)).containsExactly("cfg", "5m", "2024-05-01T11:55:00Z");
    }

    @Test
    void unknownResourcesGetTheDefaultPrinter() {
        assertThat(TablePrinters.forResource("configmaps")).isSameAs(Tables.defaultPrinter());
        assertThat(TablePrinters.forResource("pods", ConfigMap.class)).isSameAs(Tables.defaultPrinter());
        assertThat(TablePrinters.forResource("pods")).isInstanceOf(PodPrinter.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json | true",
            "application/json;as=Table;v=v1beta1;g=meta.k8s.io | true",
            "application/json; as=Table; v=v1; g=meta.k8s.io | true",
            "application/json;as=\"Table\";v=v1;g=meta.k8s.io | true",
            "application/json | false",
            "*/* | false",
            "application/json,application/json;as=Table;v=v1;g=meta.k8s.io | false",
            "application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io | true",
            "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json | false",
            "application/json;as=Table;v=v1alpha1;g=meta.k8s.io,application/json | false",
            "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io | true",
            "application/yaml | false",
    })
    void wantsTable(String accept, boolean expected) {
        assertThat(Tables.wantsTable(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noAcceptHeaderMeansNoTable(String accept) {
        assertThat(Tables.wantsTable(accept)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"None, NONE", "Metadata, METADATA", "Object, OBJECT", "'', METADATA"})
    void parseIncludeObject(String param, IncludeObject expected) {
        assertThat(IncludeObject.parse(param)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "Full", "metadata"})
    void rejectsUnknownIncludeObject(String param) {
        assertThatThrownBy(() -> IncludeObject.parse(param)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void absentIncludeObjectMeansMetadata() {
        assertThat(IncludeObject.parse(null)).isEqualTo(IncludeObject.METADATA);
    }
}
