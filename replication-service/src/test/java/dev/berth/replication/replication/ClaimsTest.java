package dev.berth.replication.replication;

import dev.berth.replication.Fixtures;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsTest {

    private static ReplicationController rc(boolean terminating) {
        ReplicationController rc = Fixtures.rc("web", 1, Map.of("app", "web"));
        rc.getMetadata().setUid("rc-uid");
        if (terminating) {
            rc.getMetadata().setDeletionTimestamp("2026-11-25T10:00:00Z");
        }
        return rc;
    }

    private static Pod pod(String app, String controllerUid, boolean terminating) {
        PodBuilder pod = new PodBuilder(Fixtures.pod("p", Map.of("app", app)));
        if (!controllerUid.isEmpty()) {
            pod.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicationController")
                    .withName("x").withUid(controllerUid).withController(true).build()).endMetadata();
        }
        if (terminating) {
            pod.editMetadata().withDeletionTimestamp("2026-11-25T10:00:00Z").endMetadata();
        }
        return pod.build();
    }

    @ParameterizedTest(name = "pod app={0} controller={1} terminating={2}, rc terminating={3} -> {4}")
    @CsvSource({
            "web,    rc-uid, false, false, owned",
            "web,    rc-uid, true,  false, owned",
            "other,  rc-uid, false, false, release",
            "other,  rc-uid, true,  false, ignored",
            "web,    '',     false, false, adopt",
            "web,    '',     true,  false, ignored",
            "web,    '',     false, true,  ignored",
            "other,  '',     false, false, ignored",
            "web,    another,false, false, ignored",
    })
    void claimsLikeTheControllerRefManager(String app, String controller, boolean podTerminating,
                                           boolean rcTerminating, String expected) {
        Claims claims = Claims.of(rc(rcTerminating), List.of(pod(app, controller, podTerminating)));
        String actual = !claims.owned().isEmpty() ? "owned" : !claims.adopt().isEmpty() ? "adopt"
                : !claims.release().isEmpty() ? "release" : "ignored";
        assertThat(actual).isEqualTo(expected);
    }
}
