package dev.berth.node.runtime.docker;

import dev.berth.node.runtime.ContainerSpec;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the real Docker engine (started by ./scripts/test) with the offline busybox image built by
 * scripts/images/build-test-images.sh.
 */
class DockerRuntimeTest {

    private static final String IMAGE = "busybox:latest";

    private final DockerRuntime docker = DockerRuntime.connect("unix:///var/run/docker.sock", 40);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeWhatThisTestMade() {
        docker.list(Map.of("berth.test.run", run)).forEach(c -> docker.remove(c.id()));
    }

    private ContainerSpec spec(String name, List<String> args, Map<String, String> env,
                               List<ContainerSpec.PortMapping> ports) {
        return spec(name, args, env, ports, ContainerSpec.HostAccess.NONE);
    }

    private ContainerSpec spec(String name, List<String> args, Map<String, String> env,
                               List<ContainerSpec.PortMapping> ports, ContainerSpec.HostAccess host) {
        return new ContainerSpec("berth-test-" + run + "-" + name, IMAGE, List.of("sh", "-c"), args, env, "/tmp",
                Map.of("berth.test.run", run, Labels.MANAGED, "true", Labels.CONTAINER_NAME, name), ports, 64L << 20,
                500, host);
    }

    /**
     * Where the cluster allows it: a node directory mounted read-only, and privileged mode with the node's PID
     * and IPC namespaces (created and inspected only: this machine is itself a container, where the engine
     * cannot start privileged ones).
     */
    @Test
    void hostPathsAreMountedAndHostNamespacesAndPrivilegedModeAreAskedOfTheEngine() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("berth-hostpath");
        java.nio.file.Files.writeString(dir.resolve("hello"), "hi from the node");
        List<ContainerSpec.HostMount> mounts = List.of(new ContainerSpec.HostMount(dir.toString(), "/node", true));
        String reader = docker.create(spec("reader", List.of("grep -q 'hi from the node' /node/hello && ! touch /node/new"),
                Map.of(), List.of(), new ContainerSpec.HostAccess(false, false, false, false, mounts)));
        docker.start(reader);
        await().atMost(Duration.ofSeconds(20)).until(() -> docker.inspect(reader).state() == RuntimeContainer.State.EXITED);
        assertThat(docker.inspect(reader).exitCode()).isZero();
        assertThat(dir.resolve("new")).doesNotExist();

        String privileged = docker.create(spec("privileged", List.of("true"), Map.of(), List.of(),
                new ContainerSpec.HostAccess(true, true, true, true, List.of())));
        Process inspect = new ProcessBuilder("docker", "inspect", "-f",
                "{{.HostConfig.Privileged}} {{.HostConfig.NetworkMode}} {{.HostConfig.PidMode}} {{.HostConfig.IpcMode}}",
                privileged).redirectErrorStream(true).start();
        assertThat(new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("true host host host");
    }

    @Test
    void runsAContainerWithCommandEnvAndAPortPublishedOnLoopback() throws IOException {
        assertThat(docker.version()).startsWith("docker://");
        assertThat(docker.hasImage(IMAGE)).isTrue();
        String id = docker.create(spec("web", List.of("echo -n \"$GREETING from $(pwd)\" > /tmp/index.html && "
                + "exec httpd -f -p 8080 -h /tmp"), Map.of("GREETING", "hello"),
                List.of(new ContainerSpec.PortMapping(8080, "TCP", "127.0.0.1", 0))));
        docker.start(id);

        RuntimeContainer running = docker.inspect(id);
        assertThat(running.state()).isEqualTo(RuntimeContainer.State.RUNNING);
        assertThat(running.labels()).containsEntry(Labels.CONTAINER_NAME, "web");
        assertThat(running.publishedPorts()).singleElement().satisfies(p -> {
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.hostPort()).isPositive();
        });
        int port = running.publishedPorts().get(0).hostPort();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> httpGet(port).contains("hello from /tmp"));
        assertThat(docker.list(Map.of("berth.test.run", run))).extracting(RuntimeContainer::id).containsExactly(id);
    }

    @Test
    void reportsExitCodesAndStopsWithinTheGracePeriod() {
        String failing = docker.create(spec("failing", List.of("exit 3"), Map.of(), List.of()));
        docker.start(failing);
        await().atMost(Duration.ofSeconds(20)).until(() -> docker.inspect(failing).state() == RuntimeContainer.State.EXITED);
        RuntimeContainer exited = docker.inspect(failing);
        assertThat(exited.exitCode()).isEqualTo(3);
        // Both set; Docker may stamp an instantly exiting container's finish a hair before its start.
        assertThat(exited.startedAt()).isNotNull();
        assertThat(exited.finishedAt()).isNotNull();

        // sh as PID 1 ignores SIGTERM, so stopping waits for the grace period and then kills.
        String stubborn = docker.create(spec("stubborn", List.of("sleep 600"), Map.of(), List.of()));
        docker.start(stubborn);
        long started = System.nanoTime();
        docker.stop(stubborn, Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(docker.inspect(stubborn).state()).isEqualTo(RuntimeContainer.State.EXITED);
        docker.stop(stubborn, Duration.ofSeconds(1));
        docker.remove(stubborn);
        docker.remove(stubborn);
        assertThat(docker.list(Map.of("berth.test.run", run))).extracting(RuntimeContainer::id).containsExactly(failing);
    }

    @Test
    void followingLogsDeliversLinesAsTheyAreWritten() throws Exception {
        String id = docker.create(spec("chatty", List.of("echo first; sleep 3; echo second; exec sleep 600"),
                Map.of(), List.of()));
        docker.start(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var sofar = new java.io.ByteArrayOutputStream();
            docker.logs(id, false, null, false, sofar);
            return sofar.toString().equals("first\n");
        });
        var received = new java.io.ByteArrayOutputStream();
        var out = new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                received.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                received.write(b, off, len);
            }
        };
        Thread follower = new Thread(() -> docker.logs(id, true, null, false, out));
        follower.setDaemon(true);
        follower.start();
        // The first line arrives while the container still runs, before the second is written.
        await().atMost(Duration.ofSeconds(2)).until(() -> received.toString().equals("first\n"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.toString().equals("first\nsecond\n"));
        follower.interrupt();
    }

    @Test
    void aContainerThatCannotStartReportsAFailedAttemptWithAnEndTime() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            String id = docker.create(spec("blocked", List.of("sleep 60"), Map.of(),
                    List.of(new ContainerSpec.PortMapping(8080, "TCP", "127.0.0.1", taken.getLocalPort()))));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> docker.start(id)).isInstanceOf(RuntimeException.class);
            RuntimeContainer failed = docker.inspect(id);
            assertThat(failed.state()).isEqualTo(RuntimeContainer.State.CREATED);
            assertThat(failed.exitCode()).isNotZero();
            // Without an end time the agent would retry it at every sync instead of backing off.
            assertThat(failed.finishedAt()).isNotNull();
        }
    }

    @Test
    void containersReachThisHostAtTheAddressItReports() throws IOException {
        String host = docker.hostAddressForContainers();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            listener.setSoTimeout(30_000);
            docker.start(docker.create(spec("caller", List.of("echo hello-host | nc " + host + " "
                    + listener.getLocalPort()), Map.of(), List.of())));
            try (Socket call = listener.accept(); InputStream in = call.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello-host\n");
            }
        }
    }

    @Test
    void knowsWhichImagesAreMissing() {
        assertThat(docker.hasImage("berth-no-such-image:" + run)).isFalse();
    }

    private static String httpGet(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
