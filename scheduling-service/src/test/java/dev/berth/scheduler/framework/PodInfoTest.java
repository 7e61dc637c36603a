package dev.berth.scheduler.framework;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PodInfoTest {

    @ParameterizedTest(name = "requests {0}/{1}, limits {2}/{3}, init {4} → {5}m {6} bytes, scored as {7}m")
    @CsvSource(nullValues = "-", value = {
            // cpu req, mem req, cpu limit, mem limit, init cpu, → cpu milli, memory, score cpu
            "500m, 1Gi,  -,   -,    -,    500, 1073741824, 500",
            "-,    -,    1,   64Mi, -,    1000, 67108864,  1000",   // requests default to limits
            "-,    -,    -,   -,    -,    0,    0,         100",    // best effort still scores as 100m
            "250m, 1Mi,  -,   -,    2,    2000, 1048576,   250",    // a larger init container raises the request
            "0.1,  1k,   -,   -,    10m,  100,  1000,      100",
    })
    void requestsAreSummedAsTheSchedulerCountsThem(String cpu, String memory, String cpuLimit, String memoryLimit,
                                                   String initCpu, long milli, long bytes, long scoreMilli) {
        var pod = Fixtures.pod("p", cpu, memory);
        if (cpuLimit != null) {
            pod.editSpec().editFirstContainer().editOrNewResources().addToLimits("cpu", new Quantity(cpuLimit))
                    .addToLimits("memory", new Quantity(memoryLimit)).endResources().endContainer().endSpec();
        }
        if (initCpu != null) {
            pod.editSpec().addToInitContainers(new ContainerBuilder().withName("init").withNewResources()
                    .addToRequests("cpu", new Quantity(initCpu)).endResources().build()).endSpec();
        }
        PodInfo info = Fixtures.info(pod);
        assertThat(info.cpuMilli()).isEqualTo(milli);
        assertThat(info.memoryBytes()).isEqualTo(bytes);
        assertThat(info.scoreCpuMilli()).isEqualTo(scoreMilli);
    }

    @ParameterizedTest(name = "{0} {1}:{2} vs {3} {4}:{5} → conflict {6}")
    @CsvSource({
            "TCP, '',        80, TCP, '',        80, true",
            "TCP, 0.0.0.0,   80, TCP, 127.0.0.2, 80, true",
            "TCP, 127.0.0.2, 80, TCP, 127.0.0.3, 80, false",
            "TCP, '',        80, UDP, '',        80, false",
            "TCP, '',        80, TCP, '',        81, false",
    })
    void hostPortsConflictOnSamePortProtocolAndOverlappingAddress(String p1, String ip1, int port1, String p2,
                                                                  String ip2, int port2, boolean conflict) {
        assertThat(new HostPort(p1, ip1, port1).conflictsWith(new HostPort(p2, ip2, port2))).isEqualTo(conflict);
    }
}
