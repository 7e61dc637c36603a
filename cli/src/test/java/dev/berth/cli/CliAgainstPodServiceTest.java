package dev.berth.cli;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CLI's verbs against a real pod-service (and Redis), through a kubeconfig as a user would run them. */
class CliAgainstPodServiceTest {

    private static final Path SEED = Path.of("..", "examples", "seed-v1beta1");

    private static TestCluster cluster;
    private static Cluster admin;

    @BeforeAll
    static void start(@TempDir Path dir) {
        cluster = TestCluster.start(dir);
        admin = cluster.admin();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static TestCluster.Run berth(String... args) {
        return cluster.berth(args);
    }

    @Test
    void theSeedFormsCreateListGetAndDeleteAV1beta1Pod() {
        Path pod = SEED.resolve("redis-pod.json");
        TestCluster.Run created = berth("-c", pod.toString(), "create", "/pods");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("pod/redis created\n");

        assertThat(berth("list", "/pods").out()).containsPattern("NAME +READY +STATUS .* NODE")
                .containsPattern("redis +0/1 +Pending");
        assertThat(berth("get", "/pods/redis").out()).contains("\"apiVersion\":\"v1beta1\"", "\"id\":\"redis\"",
                "\"image\":\"dockerfile/redis\"");

        TestCluster.Run deleted = berth("delete", "/pods/redis");
        assertThat(deleted.out()).isEqualTo("pod \"redis\" deleted\n");
        assertThat(admin.client().pods().withName("redis").get()).isNull();
    }

    @Test
    void createReadsMultiDocumentYamlAndGetPrintsTablesJsonYamlAndNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("web.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, labels: {app: web}}
                spec:
                  containers: [{name: web, image: busybox:latest}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """);
        TestCluster.Run created = berth("create", "-f", file.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("pod/web created\nservice/web created\n");

        assertThat(berth("get", "pods", "-l", "app=web").out().lines().toList())
                .hasSize(2).first().asString().matches("NAME +READY +STATUS +RESTARTS +AGE");
        assertThat(berth("get", "svc", "web").out()).containsPattern("web +ClusterIP +\\S+ +<none> +80/TCP");
        assertThat(berth("get", "pod", "web", "-o", "json").out()).contains("\"name\" : \"web\"", "\"kind\" : \"Pod\"");
        assertThat(berth("get", "pods", "-l", "app=web", "-o", "yaml").out()).startsWith("apiVersion: v1\nkind: List\n")
                .contains("name: web");
        assertThat(berth("get", "svc", "-o", "name").out()).contains("service/web\n");

        berth("delete", "-f", file.toString());
        assertThat(admin.client().services().withName("web").get()).isNull();
    }

    @Test
    void describeShowsThePodAndItsEvents() {
        admin.client().pods().resource(new PodBuilder().withNewMetadata().withName("described").addToLabels("tier", "db")
                .endMetadata().withNewSpec().addNewContainer().withName("db").withImage("dockerfile/redis")
                .addNewPort().withContainerPort(6379).endPort().endContainer().endSpec().build()).create();
        admin.client().v1().events().resource(new EventBuilder().withNewMetadata().withName("described.1").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("described").withNamespace("default").endInvolvedObject()
                .withType("Warning").withReason("FailedScheduling").withMessage("0/0 nodes are available")
                .withLastTimestamp(Instant.now().toString()).build()).create();

        TestCluster.Run described = berth("describe", "pod", "described");
        assertThat(described.exit()).as(described.err()).isZero();
        assertThat(described.out()).contains("Name:", "described", "Labels:", "tier=db", "Image:", "dockerfile/redis",
                "6379/TCP", "Events:", "FailedScheduling", "0/0 nodes are available");
    }

    @Test
    void getWatchPrintsNewObjectsUnderTheHeader() {
        StringWriter out = new StringWriter();
        BerthCommand root = new BerthCommand().withKubeconfig(cluster.kubeconfig());
        CommandLine commandLine = BerthCommand.commandLine(root).setOut(new PrintWriter(out, true));
        // Runs until the server ends the watch (pod-service stops after the class), like a terminal left open.
        Thread watcher = new Thread(() -> commandLine.execute("get", "pods", "-l", "watched=yes", "-w"));
        watcher.setDaemon(true);
        watcher.start();
        try {
            // The header is printed once the listing is done; the watch resumes from that listing, so nothing is missed.
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().startsWith("NAME"));
            admin.client().pods().resource(new PodBuilder().withNewMetadata().withName("watched")
                    .addToLabels("watched", "yes").endMetadata().withNewSpec().addNewContainer().withName("c")
                    .withImage("busybox:latest").endContainer().endSpec().build()).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("watched"));
            assertThat(out.toString()).containsPattern("(?m)^watched +0/1 +Pending");
        } finally {
            root.close();
        }
    }

    @Test
    void mistakesGetOneClearLineAndExitCodeOne(@TempDir Path dir) throws IOException {
        TestCluster.Run unknownType = berth("get", "gizmos");
        assertThat(unknownType.exit()).isEqualTo(1);
        assertThat(unknownType.err()).startsWith("error: unknown resource type \"gizmos\"");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"kind\": \"Pod\", ");
        TestCluster.Run unreadable = berth("create", "-f", broken.toString());
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.err()).contains(broken.toString(), "neither JSON nor YAML");

        Path invalid = dir.resolve("invalid.yaml");
        Files.writeString(invalid, "apiVersion: v1\nkind: Pod\nmetadata: {name: Not_Valid}\nspec: {containers: []}\n");
        TestCluster.Run rejected = berth("create", "-f", invalid.toString());
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.err()).contains("metadata.name", "422");

        TestCluster.Run missing = berth("delete", "pod", "nothing-here");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("pods \"nothing-here\" not found");
        assertThat(berth("get", "pods", "-o", "jsonpath={.items}").err()).contains("./berth kubectl");
    }
}
