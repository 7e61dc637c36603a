package dev.berth.api.selection;

import dev.berth.api.errors.ApiException;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelSelectorTest {

    /** Labels are written "k=v;k2=v2" so the table stays readable. */
    private static Map<String, String> labels(String spec) {
        Map<String, String> labels = new HashMap<>();
        if (spec != null) {
            Arrays.stream(spec.split(";")).map(kv -> kv.split("=", 2)).forEach(kv -> labels.put(kv[0], kv[1]));
        }
        return labels;
    }

    @ParameterizedTest(name = "\"{0}\" on [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''                          | -                      | true
            app=web                     | app=web                | true
            app=web                     | app=db                 | false
            app==web                    | app=web                | true
            app!=web                    | app=db                 | true
            app!=web                    | -                      | true
            app!=web                    | app=web                | false
            app                         | app=x                  | true
            app                         | tier=x                 | false
            !app                        | tier=x                 | true
            !app                        | app=x                  | false
            env in (prod,staging)       | env=staging            | true
            env in (prod, staging)      | env=dev                | false
            env notin (prod,staging)    | env=dev                | true
            env notin (prod,staging)    | -                      | true
            env notin (prod,staging)    | env=prod               | false
            app=web,env in (a,b),!debug | app=web;env=b          | true
            app=web,env in (a,b),!debug | app=web;env=b;debug=1  | false
            example.com/role=db         | example.com/role=db    | true
            ' app = web '               | app=web                | true
            """)
    void matchesAsKubernetesDoes(String selector, String labels, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(labels(labels))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @CsvSource(delimiter = '|', textBlock = """
            app=web,                | found ','
            app=not valid           | value "not valid"
            -bad=x                  | key "-bad"
            env notin               | key "env notin"
            env in (a               | unbalanced parentheses
            Bad_Prefix/app=x        | prefix part
            """)
    void syntaxErrorsAre400NamingTheProblem(String selector, String fragment) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessageContaining(fragment);
    }

    @Test
    void mapSelectorsRequireEveryPair() {
        LabelSelector selector = LabelSelector.of(Map.of("app", "web", "tier", "front"));
        assertThat(selector.matches(Map.of("app", "web", "tier", "front", "x", "y"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web"))).isFalse();
        assertThat(LabelSelector.of(Map.<String, String>of()).isEmpty()).isTrue();
    }

    @Test
    void matchExpressionsOfObjectSelectors() {
        LabelSelector selector = LabelSelector.of(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web"))
                .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("dev").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .build());
        assertThat(selector.matches(Map.of("app", "web", "env", "prod"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "env", "dev"))).isFalse();
        assertThat(selector.matches(Map.of("app", "web", "canary", "1"))).isFalse();
    }
}
