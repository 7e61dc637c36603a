package dev.berth.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands from the repository's root with extra environment (the compose files' {@code BERTH_*}
 * settings), bounded in time: {@code docker-compose -p PROJECT -f FILE ...}, the image scripts, docker, kubectl.
 */
final class Compose {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final String project;
    private final String file;
    private final Map<String, String> environment;

    Compose(String project, String file, Map<String, String> environment) {
        this.project = project;
        this.file = file;
        this.environment = environment;
    }

    /** {@code docker-compose -p PROJECT -f FILE ARGS}, which must succeed; returns its output. */
    String compose(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project, "-f", file));
        command.addAll(List.of(args));
        return ok(limit, command);
    }

    /** Any command, which must succeed; returns its standard output and error. */
    String ok(Duration limit, List<String> command) {
        Berth.Result result = run(limit, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output());
        }
        return result.output();
    }

    Berth.Result run(Duration limit, List<String> command) {
        return Berth.exec(command, environment, limit);
    }
}
