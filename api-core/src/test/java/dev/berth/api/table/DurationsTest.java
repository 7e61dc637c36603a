package dev.berth.api.table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
            "-3000, <invalid>",
            "-1500, 0s",
            "-999, 0s",
            "0, 0s",
            "5000, 5s",
            "119999, 119s",
            "123000, 2m3s",
            "180000, 3m",
            "599000, 9m59s",
            "600000, 10m",
            "10799000, 179m",
            "11100000, 3h5m",
            "10800000, 3h",
            "28800000, 8h",
            "169200000, 47h",
            "172800000, 2d",
            "442800000, 5d3h",
            "432000000, 5d",
            "691200000, 8d",
            "62985600000, 729d",
            "66096000000, 2y35d",
            "94608000000, 3y",
            "252288000000, 8y",
    })
    void human(long millis, String expected) {
        assertThat(Durations.human(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
            "-2, <invalid>",
            "-1, 0s",
            "59, 59s",
            "60, 1m",
            "3599, 59m",
            "18000, 5h",
            "1036800, 12d",
            "63072000, 2y",
    })
    void shortHuman(long seconds, String expected) {
        assertThat(Durations.shortHuman(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-05-01T11:57:00Z, 3m",
            "2024-05-01T13:57:00+02:00, 3m",
            "'', <unknown>",
            "not-a-time, <unknown>",
    })
    void since(String timestamp, String expected) {
        assertThat(Durations.since(timestamp, Instant.parse("2024-05-01T12:00:00Z"))).isEqualTo(expected);
    }
}
