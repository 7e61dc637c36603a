package dev.berth.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./berth} (and so kubectl with the cluster's kubeconfig) and {@code docker}, bounded in time. */
final class Berth {

    private static final Path SCRIPT = Path.of("..", "berth").toAbsolutePath().normalize();

    record Result(int exitCode, String output) {
    }

    private Berth() {
    }

    /**
     * Stops the cluster, first copying its components' logs to {@code target/cluster-logs/<name>}: the next
     * test's cluster writes to the same files, so a failure would otherwise leave nothing to read.
     */
    static Result down(String name) {
        Path logs = SCRIPT.getParent().resolve(".berth/logs");
        Path kept = Path.of("target", "cluster-logs", name).toAbsolutePath();
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("Cluster logs not kept: " + e);
        }
        return run(Duration.ofMinutes(3), "down");
    }

    static Result run(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of(), limit);
    }

    /** A kubectl verb through ./berth that must succeed; returns its standard output and error. */
    static String ok(String... args) {
        Result result = run(Duration.ofSeconds(60), args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./berth " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }

    static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return exec(command, Map.of(), Duration.ofSeconds(60)).output();
    }

    /**
     * Whether the process still runs. One that has exited but that its new parent (init, once ./berth's shell
     * is gone) has not reaped yet is a zombie: it still has a PID, which {@link ProcessHandle#isAlive} counts.
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Any command, run from the repository's root with extra environment variables, bounded in time. */
    static Result exec(List<String> command, Map<String, String> environment, Duration limit) {
        try {
            Path output = Files.createTempFile("berth-e2e", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit
                        + ": " + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
