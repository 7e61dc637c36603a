package dev.berth.api.selection;

import dev.berth.api.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSelectorTest {

    private static final Map<String, String> POD = Map.of(
            "metadata.name", "web-1", "metadata.namespace", "default", "spec.nodeName", "n1",
            "status.phase", "Running");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | true
            spec.nodeName=n1                        | true
            spec.nodeName==n1                       | true
            spec.nodeName=n2                        | false
            spec.nodeName!=n2                       | true
            metadata.name=web-1,status.phase=Running| true
            metadata.name=web-1,status.phase!=Running| false
            metadata.namespace=kube-system          | false
            """)
    void matchesFieldValues(String selector, boolean expected) {
        assertThat(FieldSelector.parse(selector).matches(POD::get)).isEqualTo(expected);
    }

    @Test
    void anEmptyValueSelectsObjectsWithoutTheField() {
        // The scheduler's "unbound pods" query.
        FieldSelector unbound = FieldSelector.parse("spec.nodeName=");
        assertThat(unbound.matches(Map.<String, String>of()::get)).isTrue();
        assertThat(unbound.matches(POD::get)).isFalse();
    }

    @Test
    void unsupportedFieldsAre400ListingTheSupportedOnes() {
        FieldSelector selector = FieldSelector.parse("spec.restartPolicy=Always");
        assertThatThrownBy(() -> selector.requireSupported(Set.of("metadata.name", "spec.nodeName"), "pods"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessageContaining("field label not supported: spec.restartPolicy");
    }

    @Test
    void clausesWithoutAnOperatorAre400() {
        assertThatThrownBy(() -> FieldSelector.parse("spec.nodeName"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
}
