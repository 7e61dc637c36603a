package dev.berth.scheduler.framework;

import dev.berth.scheduler.plugins.HostPortsFree;
import dev.berth.scheduler.plugins.LeastAllocated;
import dev.berth.scheduler.plugins.NodeReady;
import dev.berth.scheduler.plugins.ResourcesFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    private final Pipeline pipeline = new Pipeline(List.of(new NodeReady(), new ResourcesFit(), new HostPortsFree()),
            List.of(new WeightedScore(new LeastAllocated(), 1)), 0);

    @Test
    void theUnschedulableMessageCountsNodesPerReasonLikeKubeScheduler() {
        var port = Fixtures.pod("web", "100m", "64Mi").editSpec().editFirstContainer().addNewPort()
                .withContainerPort(80).withHostPort(8080).endPort().endContainer().endSpec();
        List<NodeInfo> nodes = List.of(
                NodeInfo.of(Fixtures.node("a", "4", "100Mi", 110).build()),
                NodeInfo.of(Fixtures.node("b", "4", "100Mi", 110).build()),
                NodeInfo.of(Fixtures.node("c", "4", "100Mi", 110).build()),
                NodeInfo.of(Fixtures.readyNode("d"), Fixtures.info(port.build())),
                NodeInfo.of(Fixtures.readyNode("e"), Fixtures.info(Fixtures.pod("other", null, null)
                        .editSpec().editFirstContainer().addNewPort().withContainerPort(80).withHostPort(8080)
                        .endPort().endContainer().endSpec())));

        Decision decision = pipeline.schedule(Fixtures.info(Fixtures.pod("web-2", "100m", "200Mi").editSpec()
                .editFirstContainer().addNewPort().withContainerPort(80).withHostPort(8080).endPort().endContainer()
                .endSpec()), nodes);

        assertThat(decision.fits()).isFalse();
        assertThat(decision.message()).isEqualTo("0/5 nodes are available: 3 Insufficient memory, "
                + "2 node(s) didn't have free ports for the requested pod ports.");
    }

    @Test
    void noNodesAtAll() {
        assertThat(pipeline.schedule(Fixtures.info(Fixtures.pod("p", null, null)), List.of()).message())
                .isEqualTo("0/0 nodes are available: no nodes available to schedule pods.");
    }

    @Test
    void theHighestTotalWinsAndWeightsMultiply() {
        ScorePlugin prefersB = (pod, nodes) -> nodes.stream().mapToInt(n -> n.name().equals("b") ? 100 : 0).toArray();
        ScorePlugin prefersA = (pod, nodes) -> nodes.stream().mapToInt(n -> n.name().equals("a") ? 60 : 0).toArray();
        List<NodeInfo> nodes = List.of(NodeInfo.of(Fixtures.readyNode("a")), NodeInfo.of(Fixtures.readyNode("b")));
        PodInfo pod = Fixtures.info(Fixtures.pod("p", null, null));

        assertThat(new Pipeline(List.of(), List.of(new WeightedScore(prefersB, 1), new WeightedScore(prefersA, 1)), 0)
                .schedule(pod, nodes).node()).isEqualTo("b");
        assertThat(new Pipeline(List.of(), List.of(new WeightedScore(prefersB, 1), new WeightedScore(prefersA, 2)), 0)
                .schedule(pod, nodes).node()).isEqualTo("a");
        assertThat(new Pipeline(List.of(), List.of(new WeightedScore(prefersB, 0), new WeightedScore(prefersA, 1)), 0)
                .schedule(pod, nodes).node()).isEqualTo("a");
    }

    @ParameterizedTest(name = "{0} nodes at {1}% → examine until {2} feasible")
    @CsvSource({
            "3,    0,   3",
            "99,   0,   99",
            "100,  0,   100",     // 50%, but never fewer than 100
            "1000, 0,   420",     // 50 - 1000/125 = 42%
            "5000, 0,   500",     // 50 - 40 = 10%
            "6000, 0,   300",     // floor of 5%
            "5000, 100, 5000",
            "5000, 1,   100",
    })
    void largeClustersAreSampled(int nodes, int percentage, int expected) {
        assertThat(new Pipeline(List.of(), List.of(), percentage).feasibleToFind(nodes)).isEqualTo(expected);
    }

    @Test
    void aSampledSearchResumesWhereThePreviousStopped() {
        List<NodeInfo> nodes = IntStream.range(0, 200).mapToObj(i -> NodeInfo.of(Fixtures.readyNode("n" + i))).toList();
        Pipeline flat = new Pipeline(List.of(), List.of(new WeightedScore((pod, feasible) -> new int[feasible.size()], 1)), 50);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(flat.schedule(Fixtures.info(Fixtures.pod("p" + i, null, null)), nodes).node());
        }
        assertThat(chosen).containsExactly("n0", "n100", "n0");
    }
}
