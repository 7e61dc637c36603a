package dev.berth.replication.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTest {

    private final WorkQueue queue = new WorkQueue("test", Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void aKeyIsQueuedOnceAndNeverToTwoWorkersAtATime() throws Exception {
        queue.add("a");
        queue.add("a");
        queue.add("b");
        assertThat(queue.depth()).isEqualTo(2);
        assertThat(queue.take()).contains("a");
        queue.add("a");
        // "a" is being processed: it waits for done() instead of going to another worker.
        assertThat(queue.take()).contains("b");
        assertThat(queue.depth()).isZero();
        queue.done("a");
        assertThat(queue.take()).contains("a");
    }

    @Test
    void backOffDoublesUpToItsCapAndResetsWhenForgotten() {
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofMillis(100));
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofMillis(200));
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofMillis(400));
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofMillis(800));
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofSeconds(1));
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofSeconds(1));
        queue.forget("k");
        assertThat(queue.nextDelay("k")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void takeReturnsEmptyAfterShutDown() throws Exception {
        queue.shutDown();
        assertThat(queue.take()).isEmpty();
    }
}
