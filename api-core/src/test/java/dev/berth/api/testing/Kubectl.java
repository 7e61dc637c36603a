package dev.berth.api.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a server, with a private kubeconfig and discovery cache. */
public final class Kubectl {

    private final String server;
    private final Path home;

    /** Talks to {@code server} with {@code --server} and no credentials. */
    public Kubectl(String server) {
        this(server, "");
    }

    private Kubectl(String server, String kubeconfig) {
        this.server = server;
        try {
            this.home = Files.createTempDirectory("berth-kubectl");
            Files.writeString(home.resolve("config"), kubeconfig);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uses a generated kubeconfig whose user holds a bearer token, as an operator's would. kubectl sends
     * tokens only over HTTPS, so the server's certificate authority comes along (base64 PEM).
     */
    public static Kubectl withToken(String server, String token, String certificateAuthorityData) {
        return new Kubectl(null, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: berth
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: berth-user
                  user:
                    token: %s
                contexts:
                - name: berth
                  context:
                    cluster: berth
                    user: berth-user
                    namespace: default
                current-context: berth
                """.formatted(server, certificateAuthorityData, token));
    }

    public Result run(String... args) {
        try {
            Process process = start(args);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and asserts success, returning stdout. */
    public String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed (" + result.exitCode() + "): "
                    + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--cache-dir=" + home.resolve("cache"),
                "--request-timeout=30s"));
        if (server != null) {
            command.add("--server=" + server);
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", home.resolve("config").toString());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    public Path write(String name, String content) {
        try {
            return Files.writeString(home.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }
}
