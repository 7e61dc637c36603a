package dev.berth.proxy.balance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BalancerTest {

    private static final Backend A = new Backend("127.0.0.51", 1001);
    private static final Backend B = new Backend("127.0.0.51", 1002);
    private static final Backend C = new Backend("127.0.0.51", 1003);
    private static final long SECOND = 1_000_000_000L;

    /** One connection: which client, at what time (seconds), and the endpoint the balancer should put first. */
    record Step(String client, long at, Backend first) {
    }

    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("round robin over three", null, List.of(
                        new Step("c1", 0, A), new Step("c1", 1, B), new Step("c1", 2, C), new Step("c1", 3, A))),
                Arguments.of("round robin ignores the client", null, List.of(
                        new Step("c1", 0, A), new Step("c2", 0, B), new Step("c1", 0, C))),
                Arguments.of("affinity keeps a client on its endpoint", Duration.ofSeconds(10), List.of(
                        new Step("c1", 0, A), new Step("c1", 5, A), new Step("c1", 14, A))),
                Arguments.of("new clients are still spread", Duration.ofSeconds(10), List.of(
                        new Step("c1", 0, A), new Step("c2", 0, B), new Step("c3", 0, C), new Step("c2", 1, B))),
                Arguments.of("affinity expires after the timeout without connections", Duration.ofSeconds(10),
                        List.of(new Step("c1", 0, A), new Step("c2", 1, B), new Step("c1", 11, C))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void choosesTheFirstEndpointToTry(String description, Duration affinity, List<Step> steps) {
        Balancer balancer = new Balancer();
        balancer.update(List.of(A, B, C), affinity);
        List<Backend> firsts = new ArrayList<>();
        for (Step step : steps) {
            List<Backend> order = balancer.attemptOrder(step.client(), step.at() * SECOND);
            firsts.add(order.get(0));
            balancer.connected(step.client(), order.get(0), step.at() * SECOND);
        }
        assertThat(firsts).containsExactlyElementsOf(steps.stream().map(Step::first).toList());
    }

    @Test
    void theOrderHoldsEveryEndpointSoARefusalFallsThroughToTheNext() {
        Balancer balancer = new Balancer();
        balancer.update(List.of(A, B, C), null);
        balancer.attemptOrder("c1", 0);
        assertThat(balancer.attemptOrder("c1", 0)).containsExactly(B, C, A);
    }

    @Test
    void noEndpointsMeansNothingToTry() {
        Balancer balancer = new Balancer();
        assertThat(balancer.attemptOrder("c1", 0)).isEmpty();
        balancer.update(List.of(A), null);
        balancer.update(List.of(), null);
        assertThat(balancer.attemptOrder("c1", 0)).isEmpty();
    }

    @Test
    void aClientWhoseEndpointWentAwayIsPlacedAgain() {
        Balancer balancer = new Balancer();
        balancer.update(List.of(A, B, C), Duration.ofSeconds(10));
        Backend first = balancer.attemptOrder("c1", 0).get(0);
        balancer.connected("c1", first, 0);
        balancer.update(List.of(B, C), Duration.ofSeconds(10));
        assertThat(balancer.attemptOrder("c1", SECOND)).doesNotContain(A).hasSize(2);
    }

    @Test
    void aClientThatConnectedElsewhereAfterARefusalSticksThere() {
        Balancer balancer = new Balancer();
        balancer.update(List.of(A, B, C), Duration.ofSeconds(10));
        List<Backend> order = balancer.attemptOrder("c1", 0);
        balancer.connected("c1", order.get(1), 0);
        assertThat(balancer.attemptOrder("c1", SECOND).get(0)).isEqualTo(order.get(1));
    }
}
