package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventPrinterTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void coreEvent() {
        Event event = new EventBuilder()
                .withNewMetadata().withName("redis.17c").withNamespace("default").endMetadata()
                .withType("Normal").withReason("Pulled").withMessage("Successfully pulled image \"redis:7\"\n")
                .withNewInvolvedObject().withKind("Pod").withName("redis").withFieldPath("spec.containers{redis}")
                .endInvolvedObject()
                .withNewSource().withComponent("kubelet").withHost("node-1").endSource()
                .withFirstTimestamp("2024-05-01T11:00:00Z").withLastTimestamp("2024-05-01T11:58:00Z").withCount(4)
                .build();
        assertThat(new EventPrinter().cells(event, NOW)).containsExactly(
                "2m", "Normal", "Pulled", "pod/redis", "spec.containers{redis}", "kubelet, node-1",
                "Successfully pulled image \"redis:7\"", "60m", 4L, "redis.17c");
    }

    @Test
    void eventsApiEventUsesEventTimeAndSeries() {
        Event event = new EventBuilder()
                .withNewMetadata().withName("e").endMetadata()
                .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container")
                .withNewInvolvedObject().withKind("Pod").withName("web").endInvolvedObject()
                .withReportingComponent("kubelet").withReportingInstance("node-2")
                .withEventTime(new MicroTime("2024-05-01T11:30:00.000000Z"))
                .withNewSeries().withCount(7).withLastObservedTime(new MicroTime("2024-05-01T11:59:30.000000Z")).endSeries()
                .build();
        assertThat(new EventPrinter().cells(event, NOW)).containsExactly(
                "30s", "Warning", "BackOff", "pod/web", "", "kubelet, node-2",
                "Back-off restarting failed container", "30m", 7L, "e");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"Pod, redis, pod/redis", "Node, node-1, node/node-1", "ReplicationController, , replicationcontroller"})
    void target(String kind, String name, String expected) {
        ObjectReference ref = new ObjectReferenceBuilder().withKind(kind).withName(name).build();
        assertThat(EventPrinter.target(ref)).isEqualTo(expected);
    }

    @Test
    void singletonCountsOnce() {
        Event event = new EventBuilder().withNewMetadata().withName("e").endMetadata()
                .withLastTimestamp("2024-05-01T11:59:00Z").build();
        assertThat(new EventPrinter().cells(event, NOW)).element(8).isEqualTo(1L);
        assertThat(new EventPrinter().cells(event, NOW)).first().isEqualTo("60s");
    }
}
