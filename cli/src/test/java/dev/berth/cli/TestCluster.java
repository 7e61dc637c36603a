package dev.berth.cli;

import dev.berth.api.testing.PodServiceProcess;
import dev.berth.api.testing.RedisServer;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real pod-service on its own Redis key prefix, a kubeconfig for it, and a way to run CLI commands. */
public final class TestCluster implements AutoCloseable {

    public record Run(int exit, String out, String err) {
    }

    private final PodServiceProcess podService;
    private final Path kubeconfig;
    private final Cluster admin;

    private TestCluster(PodServiceProcess podService, Path kubeconfig) {
        this.podService = podService;
        this.kubeconfig = kubeconfig;
        this.admin = new BerthCommand().withKubeconfig(kubeconfig).cluster();
    }

    public static TestCluster start(Path dir) {
        PodServiceProcess podService = new PodServiceProcess(RedisServer.shared(), RedisServer.newPrefix(), "");
        podService.start(Duration.ofMinutes(3));
        Path kubeconfig = dir.resolve("kubeconfig");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: test
                      cluster: {server: "%s"}
                    users:
                    - name: admin
                      user: {}
                    contexts:
                    - name: test
                      context: {cluster: test, user: admin, namespace: default}
                    current-context: test
                    """.formatted(podService.url()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestCluster(podService, kubeconfig);
    }

    public Cluster admin() {
        return admin;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Runs one command as {@code ./berth ARGS} would, capturing what it prints. */
    public Run berth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BerthCommand root = new BerthCommand().withKubeconfig(kubeconfig);
        CommandLine commandLine = BerthCommand.commandLine(root).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        try {
            int exit = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return new Run(exit, out.toString(), err.toString());
        } finally {
            root.close();
        }
    }

    @Override
    public void close() {
        admin.close();
        podService.stop();
    }
}
