package dev.berth.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * helm-free-deploy/install.sh as a dry run into temporary roots: a master for two nodes, then a node with the
 * token and certificate the master printed; the installed units pass {@code systemd-analyze verify}.
 */
class HelmFreeDeployTest {

    private static final Path INSTALL = Path.of("..", "helm-free-deploy", "install.sh").toAbsolutePath().normalize();

    @Test
    void aMasterAndANodeInstallWithWorkingUnitsAndMatchingCredentials(@TempDir Path master, @TempDir Path node)
            throws Exception {
        String out = run(INSTALL.toString(), "master", "--address", "127.0.0.1", "--nodes", "node-1,node-2",
                "--root", master.toString(), "--no-build");
        Path etc = master.resolve("etc/berth");
        assertThat(etc.resolve("tls/gateway.crt")).exists();
        assertThat(Files.readString(etc.resolve("tokens.csv"))).contains(",system:node:node-1,", ",system:node:node-2,");
        assertThat(Files.readString(etc.resolve("api-gateway.env"))).contains("SERVER_PORT=8443",
                "BERTH_GATEWAY_TOKENFILE=/etc/berth/tokens.csv");
        // Both API servers and the gateway share one secret, or the servers would refuse the gateway.
        String secret = value(Files.readString(etc.resolve("pod-service.env")), "BERTH_API_GATEWAYSECRET");
        assertThat(Files.readString(etc.resolve("replication-service.env"))).contains("BERTH_API_GATEWAYSECRET=" + secret);
        assertThat(Files.readString(etc.resolve("api-gateway.env"))).contains("BERTH_GATEWAY_BACKENDSECRET=" + secret);
        assertThat(Files.readString(etc.resolve("redis.conf"))).contains("appendonly yes");

        Matcher join = Pattern.compile("--name node-1 .* --token (\\S+) --proxy-token (\\S+)").matcher(out);
        assertThat(join.find()).as(out).isTrue();
        run(INSTALL.toString(), "node", "--name", "node-1", "--address", "127.0.0.2", "--master", "127.0.0.1",
                "--token", join.group(1), "--proxy-token", join.group(2), "--ca", etc.resolve("tls/gateway.crt").toString(),
                "--root", node.toString(), "--no-build");
        String agent = Files.readString(node.resolve("etc/berth/node-agent.env"));
        assertThat(agent).contains("BERTH_NODE_NODENAME=node-1", "BERTH_NODE_TOKEN=" + join.group(1),
                "BERTH_NODE_APISERVER=https://127.0.0.1:8443");
        assertThat(Files.readString(master.resolve("etc/berth/tokens.csv")))
                .contains(join.group(1) + ",system:node:node-1,");
        assertThat(node.resolve("opt/berth/lib/node-agent.jar")).exists();

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        List<String> verify = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (Path root : List.of(master, node)) {
            try (var units = Files.list(root.resolve("etc/systemd/system"))) {
                units.map(Path::toString).forEach(verify::add);
            }
        }
        assertThat(verify).hasSize(2 + 5 + 2);
        assertThat(run(verify.toArray(String[]::new))).isEmpty();
    }

    private static String value(String env, String key) {
        return env.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
