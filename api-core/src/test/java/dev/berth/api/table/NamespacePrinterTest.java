package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacePrinterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Active, Active", "Terminating, Terminating", ", ''"})
    void status(String phase, String expected) {
        var namespace = new NamespaceBuilder().withNewMetadata().withName("dev").withCreationTimestamp("2024-04-01T12:00:00Z")
                .endMetadata();
        if (phase != null) {
            namespace.withNewStatus().withPhase(phase).endStatus();
        }
        assertThat(new NamespacePrinter().cells(namespace.build(), Instant.parse("2024-05-01T12:00:00Z")))
                .containsExactly("dev", expected, "30d");
    }
}
