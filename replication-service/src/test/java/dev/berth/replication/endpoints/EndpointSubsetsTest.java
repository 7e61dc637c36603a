package dev.berth.replication.endpoints;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointSubsetsTest {

    /** Service ports {@code port>target} where target is a number or a container port name. */
    private static Service service(String ports) {
        ServiceBuilder service = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default")
                .endMetadata().withNewSpec().endSpec();
        for (String p : ports.split(" ")) {
            String[] f = p.split(">");
            IntOrString target = f[1].matches("\\d+") ? new IntOrString(Integer.parseInt(f[1])) : new IntOrString(f[1]);
            service.editSpec().addNewPort().withName("p" + f[0]).withPort(Integer.parseInt(f[0])).withTargetPort(target)
                    .withProtocol("TCP").endPort().endSpec();
        }
        return service.build();
    }

    /**
     * {@code name@hostIP:ready:publishedJson}; containers declare port 80 named "http" and 9090 named
     * "metrics". An empty hostIP means the pod has not started on a node; {@code hostNetwork} instead of the
     * JSON makes a pod on the node's network, which publishes nothing.
     */
    private static Pod pod(String spec) {
        String[] f = spec.split("[@:]", 4);
        boolean hostNetwork = f[3].equals("hostNetwork");
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(f[0]).withNamespace("default")
                .withUid("uid-" + f[0]).endMetadata()
                .withNewSpec().withNodeName("node-" + f[1]).withHostNetwork(hostNetwork).addNewContainer().withName("c")
                .addNewPort().withName("http").withContainerPort(80).withProtocol("TCP").endPort()
                .addNewPort().withName("metrics").withContainerPort(9090).withProtocol("TCP").endPort()
                .endContainer().endSpec()
                .withNewStatus().withPhase("Running").withHostIP(f[1].isEmpty() ? null : f[1])
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus(Boolean.parseBoolean(f[2]) ? "True" : "False").build())
                .endStatus();
        if (!hostNetwork) {
            pod.editMetadata().addToAnnotations("berth.dev/published-ports", f[3]).endMetadata();
        }
        return pod.build();
    }

    /** Each subset as {@code ports=[...] ready=[...] notReady=[...]}, joined with " | ". */
    private static String describe(List<EndpointSubset> subsets) {
        List<String> out = new ArrayList<>();
        for (EndpointSubset s : subsets) {
            out.add("ports=" + s.getPorts().stream().map(p -> p.getName() + ":" + p.getPort()).toList()
                    + " ready=" + s.getAddresses().stream().map(EndpointSubsetsTest::address).toList()
                    + " notReady=" + s.getNotReadyAddresses().stream().map(EndpointSubsetsTest::address).toList());
        }
        return String.join(" | ", out);
    }

    private static String address(EndpointAddress a) {
        return a.getTargetRef().getName() + "@" + a.getIp();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "numeric target, ready pod; 80>80; a@127.0.0.2:true:{\"80/TCP\":32001};"
                    + " ports=[p80:32001] ready=[a@127.0.0.2] notReady=[]",
            "named target resolves through the container port; 80>http; a@127.0.0.2:true:{\"80/TCP\":32001};"
                    + " ports=[p80:32001] ready=[a@127.0.0.2] notReady=[]",
            "not ready goes to notReadyAddresses; 80>80; a@127.0.0.2:false:{\"80/TCP\":32001};"
                    + " ports=[p80:32001] ready=[] notReady=[a@127.0.0.2]",
            "no published port, no endpoint; 80>80; a@127.0.0.2:true:{\"9090/TCP\":32001}; ''",
            "no host yet, no endpoint; 80>80; a@:true:{\"80/TCP\":32001}; ''",
            "malformed report, no endpoint; 80>80; a@127.0.0.2:true:not-json; ''",
            "same ports share a subset; 80>80; b@127.0.0.3:true:{\"80/TCP\":32001} a@127.0.0.2:true:{\"80/TCP\":32001};"
                    + " ports=[p80:32001] ready=[a@127.0.0.2, b@127.0.0.3] notReady=[]",
            "different published ports, different subsets; 80>80; a@127.0.0.2:true:{\"80/TCP\":32001} b@127.0.0.2:false:{\"80/TCP\":32002};"
                    + " ports=[p80:32001] ready=[a@127.0.0.2] notReady=[] | ports=[p80:32002] ready=[] notReady=[b@127.0.0.2]",
            "two service ports; 80>http 9090>metrics; a@127.0.0.2:true:{\"80/TCP\":32001,\"9090/TCP\":32002};"
                    + " ports=[p80:32001, p9090:32002] ready=[a@127.0.0.2] notReady=[]",
            "host network: the container port on the node's address; 80>http 9090>9090; a@127.0.0.2:true:hostNetwork;"
                    + " ports=[p80:80, p9090:9090] ready=[a@127.0.0.2] notReady=[]",
            "a pod publishing only one of two ports serves that one; 80>http 9090>metrics; a@127.0.0.2:true:{\"80/TCP\":32001};"
                    + " ports=[p80:32001] ready=[a@127.0.0.2] notReady=[]",
    })
    void buildsSubsetsFromPublishedPorts(String description, String ports, String pods, String expected) {
        List<Pod> list = Arrays.stream(pods.split(" ")).map(EndpointSubsetsTest::pod).toList();
        assertThat(describe(EndpointSubsets.of(service(ports), list))).isEqualTo(expected);
    }
}
