package dev.berth.replication.replication;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failed calls lower the manager's expectations at once: a pod is created only when no earlier create
 * may still land, and a restarting gateway (connection refused) must not hold a scale-up for a minute.
 */
class FailuresTest {

    @Test
    void aRefusalOrAConnectionNeverMadeCertainlyDidNotHappen() {
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("exists", 409, null))).isTrue();
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("no backend", 503, null))).isTrue();
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("An error has occurred",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aCallWithoutAnAnswerMayStillHaveHappened() {
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("An error has occurred",
                new SocketTimeoutException("timeout")))).isFalse();
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("backend timed out", 504, null))).isFalse();
        assertThat(Failures.certainlyNotDone(new KubernetesClientException("bad gateway", 502, null))).isFalse();
    }
}
