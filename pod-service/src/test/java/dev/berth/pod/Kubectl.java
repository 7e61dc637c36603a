package dev.berth.pod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a server, with a private kubeconfig and discovery cache. */
final class Kubectl {

    private final String server;
    private final Path home;

    Kubectl(String server) {
        this.server = server;
        try {
            this.home = Files.createTempDirectory("berth-kubectl");
            Files.writeString(home.resolve("config"), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Result run(String... args) {
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
    String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed (" + result.exitCode() + "): "
                    + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--server=" + server,
                "--cache-dir=" + home.resolve("cache"), "--request-timeout=30s"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", home.resolve("config").toString());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(home.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
