package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.Fixtures;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.framework.ScorePlugin;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each score plugin as a table: the pod, the nodes with what runs on them, the expected 0–100 scores. */
class ScoresTest {

    private static int counter;

    private static PodBuilder pod(String cpu, String memory) {
        return Fixtures.pod("p" + counter++, cpu, memory);
    }

    private static PodBuilder ofRc(String uid) {
        return pod(null, null).editMetadata().addToOwnerReferences(new OwnerReferenceBuilder()
                .withKind("ReplicationController").withName("rc").withUid(uid).build()).endMetadata();
    }

    private static PodBuilder labelled(String app) {
        return pod(null, null).editMetadata().addToLabels("app", app).endMetadata();
    }

    private static NodeInfo node(String name, PodBuilder... pods) {
        NodeInfo info = NodeInfo.of(Fixtures.node(name, "1", "1000Mi", 110).build());
        for (PodBuilder pod : pods) {
            info.addPod(PodInfo.of(pod.build()));
        }
        return info;
    }

    private static final SpreadGroups WEB_SERVICE = namespace -> List.of(Map.of("app", "web"), Map.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("least allocated: emptier wins", new LeastAllocated(), pod("100m", "100Mi"),
                        List.of(node("a"), node("b", pod("400m", "400Mi"))), new int[]{90, 50}),
                arguments("least allocated: best effort counts as 100m/200Mi each", new LeastAllocated(), pod(null, null),
                        List.of(node("a"), node("b", pod(null, null))), new int[]{85, 70}),
                arguments("least allocated: full node scores 0", new LeastAllocated(), pod("1", "1000Mi"),
                        List.of(node("a")), new int[]{0}),
                arguments("balanced: equal shares score 100 (b: 800m of 1 CPU, 700Mi of 1000Mi)", new BalancedAllocation(), pod("500m", "500Mi"),
                        List.of(node("a"), node("b", pod("300m", null))), new int[]{100, 90}),
                arguments("balanced: over capacity scores 0", new BalancedAllocation(), pod("2", "1Mi"),
                        List.of(node("a")), new int[]{0}),
                arguments("spreading: RC peers", new Spreading(ns -> List.of()), ofRc("rc-1"),
                        List.of(node("a", ofRc("rc-1"), ofRc("rc-1")), node("b", ofRc("rc-1")), node("c", ofRc("rc-2"))),
                        new int[]{0, 50, 100}),
                arguments("spreading: service peers by selector", new Spreading(WEB_SERVICE), labelled("web"),
                        List.of(node("a", labelled("web")), node("b", labelled("db"), labelled("db")), node("c")),
                        new int[]{0, 100, 100}),
                arguments("spreading: peers only in the pod's namespace", new Spreading(WEB_SERVICE), labelled("web"),
                        List.of(node("a", labelled("web").editMetadata().withNamespace("other").endMetadata()), node("b")),
                        new int[]{100, 100}),
                arguments("spreading: no group, all equal", new Spreading(WEB_SERVICE), labelled("db"),
                        List.of(node("a", labelled("db")), node("b")), new int[]{100, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void score(String name, ScorePlugin plugin, PodBuilder pod, List<NodeInfo> nodes, int[] expected) {
        assertThat(plugin.score(PodInfo.of(pod.build()), nodes)).containsExactly(expected);
    }
}
