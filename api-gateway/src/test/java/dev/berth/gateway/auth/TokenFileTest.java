package dev.berth.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileTest {

    @Test
    void readsKubeApiserverTokenFiles() {
        TokenFile tokens = TokenFile.parse(List.of(
                "# comment",
                "t1,alice,uid-1,\"system:masters,viewers\"",
                "t2,system:node:n1,uid-2,system:nodes",
                "t3,bob,uid-3"));
        assertThat(tokens.identify("t1")).contains(new Identity("alice", "uid-1", List.of("system:masters", "viewers")));
        assertThat(tokens.identify("t2").orElseThrow().nodeName()).isEqualTo("n1");
        assertThat(tokens.identify("t3").orElseThrow().groups()).isEmpty();
        assertThat(tokens.identify("t3").orElseThrow().nodeName()).isNull();
        assertThat(tokens.identify("nope")).isEmpty();
    }

    @Test
    void malformedLinesAreNamed() {
        assertThatThrownBy(() -> TokenFile.parse(List.of("only-a-token")))
                .hasMessageContaining("line 1");
    }
}
