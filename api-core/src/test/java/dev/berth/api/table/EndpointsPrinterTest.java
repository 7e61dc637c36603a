package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EndpointsPrinterTest {

    static Stream<Arguments> subsets() {
        return Stream.of(
                arguments("no subsets", List.of(), "<none>"),
                arguments("subset without addresses", List.of(subset(List.of(), 80)), ""),
                arguments("one address", List.of(subset(List.of("10.0.0.1"), 80)), "10.0.0.1:80"),
                arguments("two addresses", List.of(subset(List.of("10.0.0.1", "10.0.0.2"), 80)), "10.0.0.1:80,10.0.0.2:80"),
                arguments("exactly three", List.of(subset(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), 80)),
                        "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80"),
                arguments("five addresses", List.of(subset(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"), 80)),
                        "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more..."),
                arguments("each address per port", List.of(subset(List.of("10.0.0.1", "10.0.0.2"), 80, 443)),
                        "10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more..."),
                arguments("across subsets", List.of(subset(List.of("10.0.0.1"), 80), subset(List.of("10.0.0.2"), 8080)),
                        "10.0.0.1:80,10.0.0.2:8080"),
                arguments("headless without ports", List.of(subset(List.of("10.0.0.1", "10.0.0.2"))), "10.0.0.1,10.0.0.2"),
                arguments("IPv6 in brackets", List.of(subset(List.of("fd00::1"), 80)), "[fd00::1]:80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void subsets(String description, List<EndpointSubset> subsets, String expected) {
        assertThat(EndpointsPrinter.format(subsets)).isEqualTo(expected);
    }

    private static EndpointSubset subset(List<String> ips, int... ports) {
        EndpointSubsetBuilder subset = new EndpointSubsetBuilder();
        ips.forEach(ip -> subset.addNewAddress().withIp(ip).endAddress());
        for (int port : ports) {
            subset.addNewPort().withPort(port).withProtocol("TCP").endPort();
        }
        return subset.build();
    }
}
