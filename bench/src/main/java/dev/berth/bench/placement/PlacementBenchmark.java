package dev.berth.bench.placement;

import dev.berth.scheduler.framework.Decision;
import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.Pipeline;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.framework.WeightedScore;
import dev.berth.scheduler.plugins.BalancedAllocation;
import dev.berth.scheduler.plugins.HostPortsFree;
import dev.berth.scheduler.plugins.LeastAllocated;
import dev.berth.scheduler.plugins.NodeNamePinned;
import dev.berth.scheduler.plugins.NodeReady;
import dev.berth.scheduler.plugins.NodeSelectorMatch;
import dev.berth.scheduler.plugins.ResourcesFit;
import dev.berth.scheduler.plugins.Spreading;
import dev.berth.scheduler.plugins.TaintsTolerated;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pure placement decisions per second: the scheduler's own pipeline (all filters and scores, default weights)
 * over {@code nodes} nodes already holding 6 pods each, for a pod of a replication controller that also sits
 * behind a service, so spreading does its full work. {@code percentage=0} is the adaptive sampling the
 * scheduler uses by default (10% of 5,000 nodes); 100 examines and scores every node (the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlacementBenchmark {

    @Param({"5000"})
    public int nodes;

    @Param({"0", "100"})
    public int percentage;

    private Pipeline pipeline;
    private List<NodeInfo> cluster;
    private PodInfo pod;

    @Setup
    public void setUp() {
        List<FilterPlugin> filters = List.of(new NodeNamePinned(), new NodeReady(), new NodeSelectorMatch(),
                new TaintsTolerated(), new ResourcesFit(), new HostPortsFree());
        pipeline = new Pipeline(filters, List.of(new WeightedScore(new LeastAllocated(), 1),
                new WeightedScore(new BalancedAllocation(), 1),
                new WeightedScore(new Spreading(ns -> List.of(Map.of("app", "web"), Map.of("app", "db"))), 2)),
                percentage);
        cluster = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            NodeInfo node = NodeInfo.of(node("node-" + i));
            for (int j = 0; j < 6; j++) {
                node.addPod(PodInfo.of(pod("p-" + i + "-" + j, j % 2 == 0 ? "web" : "db", "rc-" + (i + j) % 50)));
            }
            cluster.add(node);
        }
        pod = PodInfo.of(pod("new", "web", "rc-7"));
    }

    @Benchmark
    public Decision decide() {
        return pipeline.schedule(pod, cluster);
    }

    private static Node node(String name) {
        Map<String, Quantity> allocatable = Map.of("cpu", new Quantity("32"), "memory", new Quantity("128Gi"),
                "pods", new Quantity("110"));
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
                .endMetadata().withNewSpec().endSpec().withNewStatus().withAllocatable(allocatable)
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
    }

    private static Pod pod(String name, String app, String rc) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").addToLabels("app", app)
                .addToOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicationController").withName(rc)
                        .withUid(rc).build()).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").withNewResources()
                .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
                .endResources().endContainer().endSpec().build();
    }
}
