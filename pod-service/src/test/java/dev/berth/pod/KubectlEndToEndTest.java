package dev.berth.pod;

import dev.berth.api.testing.Kubectl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real kubectl 1.32 against pod-service, with validation on (no --validate=false anywhere). */
class KubectlEndToEndTest extends PodServiceTest {

    private Kubectl kubectl;

    @BeforeEach
    void kubectl() {
        kubectl = new Kubectl(baseUrl());
    }

    private Path podManifest(String name, String image) {
        return kubectl.write(name + ".yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: %s
                    ports:
                    - containerPort: 80
                    resources:
                      limits:
                        cpu: 500m
                        memory: 64Mi
                """.formatted(name, image));
    }

    @Test
    void createGetAndDescribeAPodLikeKubernetes() {
        assertThat(kubectl.ok("create", "-f", podManifest("kc-create", "busybox:1.36").toString()))
                .contains("pod/kc-create created");

        String table = kubectl.ok("get", "pods");
        assertThat(table.lines().findFirst().orElseThrow())
                .containsSubsequence("NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertThat(table).containsPattern("kc-create\\s+0/1\\s+Pending\\s+0\\s+\\d+s");
        assertThat(kubectl.ok("get", "pods", "-o", "wide").lines().findFirst().orElseThrow())
                .contains("IP").contains("NODE");

        String yaml = kubectl.ok("get", "pod", "kc-create", "-o", "yaml");
        assertThat(yaml).contains("name: kc-create").contains("image: busybox:1.36").contains("phase: Pending")
                .contains("uid:").contains("resourceVersion:").contains("creationTimestamp:");
    }

    @Test
    void aServerSideDryRunAnswersTheDefaultedPodAndStoresNothing() {
        String yaml = kubectl.ok("create", "--dry-run=server", "-f", podManifest("kc-dry", "busybox:1.36").toString(),
                "-o", "yaml");
        assertThat(yaml).contains("name: kc-dry").contains("uid:").contains("restartPolicy: Always")
                .doesNotContain("resourceVersion:");

        Kubectl.Result get = kubectl.run("get", "pod", "kc-dry");
        assertThat(get.exitCode()).isNotZero();
        assertThat(get.stderr()).contains("\"kc-dry\" not found");
    }

    @Test
    void applyTwiceIsANoOpTheSecondTime() {
        Path manifest = podManifest("kc-apply", "busybox:1.36");
        assertThat(kubectl.ok("apply", "-f", manifest.toString())).contains("pod/kc-apply created");
        String before = kubectl.ok("get", "pod", "kc-apply", "-o", "jsonpath={.metadata.resourceVersion}");

        assertThat(kubectl.ok("apply", "-f", manifest.toString())).contains("pod/kc-apply unchanged");
        assertThat(kubectl.ok("get", "pod", "kc-apply", "-o", "jsonpath={.metadata.resourceVersion}")).isEqualTo(before);

        // A changed image is applied as a strategic merge patch.
        assertThat(kubectl.ok("apply", "-f", podManifest("kc-apply", "busybox:1.37").toString()))
                .contains("pod/kc-apply configured");
        assertThat(kubectl.ok("get", "pod", "kc-apply", "-o", "jsonpath={.spec.containers[0].image}"))
                .isEqualTo("busybox:1.37");
    }

    @Test
    void labelAnnotatePatchAndDelete() {
        kubectl.ok("create", "-f", podManifest("kc-edit", "busybox:1.36").toString());

        kubectl.ok("label", "pod", "kc-edit", "tier=frontend");
        kubectl.ok("annotate", "pod", "kc-edit", "owner=team-a");
        kubectl.ok("patch", "pod", "kc-edit", "-p", "{\"metadata\":{\"labels\":{\"patched\":\"yes\"}}}");
        kubectl.ok("patch", "pod", "kc-edit", "--type=json",
                "-p", "[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"busybox:1.37\"}]");

        assertThat(kubectl.ok("get", "pods", "-l", "tier=frontend,patched=yes", "-o", "name"))
                .isEqualTo("pod/kc-edit\n");
        assertThat(kubectl.ok("get", "pod", "kc-edit", "-o", "jsonpath={.metadata.annotations.owner}"))
                .isEqualTo("team-a");
        assertThat(kubectl.ok("get", "pod", "kc-edit", "-o", "jsonpath={.spec.containers[0].image}"))
                .isEqualTo("busybox:1.37");

        assertThat(kubectl.ok("delete", "pod", "kc-edit")).contains("pod \"kc-edit\" deleted");
        Kubectl.Result gone = kubectl.run("get", "pod", "kc-edit");
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("NotFound").contains("kc-edit");
    }

    @Test
    void invalidManifestIsRefusedNamingTheField() {
        Path bad = kubectl.write("bad.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kc-bad
                spec:
                  containers:
                  - name: web
                    ports:
                    - containerPort: 70000
                """);
        Kubectl.Result result = kubectl.run("create", "-f", bad.toString());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("spec.containers[0].image").contains("spec.containers[0].ports[0].containerPort");
    }

    @Test
    void watchSeesALaterCreate() throws Exception {
        Process watch = kubectl.start("get", "pods", "-w", "--output-watch-events");
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            // The initial listing (header) shows the watch is established before the create.
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains("NAME")));
            kubectl.ok("create", "-f", podManifest("kc-watched", "busybox:1.36").toString());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    lines.stream().anyMatch(l -> l.contains("ADDED") && l.contains("kc-watched")));
        } finally {
            watch.destroy();
        }
    }

    @Test
    void nodesServicesAndNamespacesPrintAsTables() {
        assertThat(kubectl.ok("create", "-f", kubectl.write("svc.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: kc-svc
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 8080
                """).toString())).contains("service/kc-svc created");
        String services = kubectl.ok("get", "svc");
        assertThat(services.lines().findFirst().orElseThrow())
                .containsSubsequence("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE");
        assertThat(services).containsPattern("kc-svc\\s+ClusterIP\\s+10\\.96\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP");

        kubectl.ok("create", "-f", kubectl.write("node.yaml", """
                apiVersion: v1
                kind: Node
                metadata:
                  name: kc-node-1
                """).toString());
        String nodes = kubectl.ok("get", "nodes");
        assertThat(nodes.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "STATUS", "ROLES", "AGE", "VERSION");
        assertThat(nodes).contains("kc-node-1");

        assertThat(kubectl.ok("get", "namespaces")).contains("default").contains("kube-system");
    }

    @Test
    void explainUsesTheServedSchema() {
        assertThat(kubectl.ok("explain", "pod.spec.containers")).contains("image");
    }
}
