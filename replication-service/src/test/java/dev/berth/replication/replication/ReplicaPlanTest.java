package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaPlanTest {

    /**
     * A pod described as {@code name:node:phase:ready:createdSecond}, e.g. {@code a:n1:Running:true:10};
     * an empty node means unscheduled.
     */
    static Pod pod(String spec) {
        String[] f = spec.split(":", -1);
        return new PodBuilder().withNewMetadata().withName(f[0])
                .withCreationTimestamp("2026-11-25T10:00:" + String.format("%02d", Integer.parseInt(f[4])) + "Z")
                .endMetadata()
                .withNewSpec().withNodeName(f[1].isEmpty() ? null : f[1]).endSpec()
                .withNewStatus().withPhase(f[2])
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus(Boolean.parseBoolean(f[3]) ? "True" : "False").build())
                .endStatus().build();
    }

    private static List<Pod> pods(String specs) {
        List<Pod> pods = new ArrayList<>();
        if (!specs.isEmpty()) {
            Arrays.stream(specs.split(" ")).map(ReplicaPlanTest::pod).forEach(pods::add);
        }
        return pods;
    }

    @ParameterizedTest(name = "{0} wanted, have [{1}], burst {2} -> create {3}, delete [{4}], remaining {5}")
    @CsvSource(delimiter = '|', value = {
            "3 | ''                                      | 500 | 3 | ''  | 0",
            "3 | a:n1:Running:true:1                     | 500 | 2 | ''  | 0",
            "3 | ''                                      | 2   | 2 | ''  | 1",
            "1 | a:n1:Running:true:1 b:n1:Running:true:2 | 500 | 0 | b   | 0",
            // unscheduled first, whatever else
            "1 | a::Pending:false:1 b:n1:Running:true:2  | 500 | 0 | a   | 0",
            // then pending before running
            "1 | a:n1:Running:false:1 b:n1:Pending:false:2 | 500 | 0 | b | 0",
            // then not ready before ready
            "1 | a:n1:Running:false:1 b:n1:Running:true:2 | 500 | 0 | a  | 0",
            // then the newest
            "1 | a:n1:Running:true:5 b:n1:Running:true:2 c:n2:Running:true:9 | 500 | 0 | c,a | 0",
            "0 | a:n1:Running:true:5 b:n1:Running:true:2 c:n2:Running:true:9 | 2 | 0 | c,a | 1",
            "2 | a:n1:Running:true:5 b:n1:Running:true:2 | 500 | 0 | '' | 0",
    })
    void decidesWhatToCreateAndWhatToDelete(int desired, String active, int burst, int create, String delete,
                                            int remaining) {
        ReplicaPlan plan = ReplicaPlan.of(desired, pods(active), burst);
        assertThat(plan.create()).isEqualTo(create);
        assertThat(plan.delete()).extracting(p -> p.getMetadata().getName())
                .containsExactlyElementsOf(delete.isEmpty() ? List.of() : List.of(delete.split(",")));
        assertThat(plan.remaining()).isEqualTo(remaining);
    }
}
