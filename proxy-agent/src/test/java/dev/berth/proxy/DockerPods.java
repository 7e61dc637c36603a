package dev.berth.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Backend "pods" for the tests: real containers on the Docker engine, each publishing its port on
 * {@link #ADDRESS} at a port Docker picks. They carry a label unique to this test run, and only they are removed.
 */
final class DockerPods implements AutoCloseable {

    static final String ADDRESS = "127.0.0.51";

    record Pod(String id, String name, int port) {
    }

    private final String label = "berth.test.proxy-agent=" + UUID.randomUUID();
    private final List<String> ids = new ArrayList<>();

    /** A busybox httpd answering {@code GET /index.html} with its own name. */
    Pod httpd(String name) {
        return run(name, 80, "busybox:latest", "sh", "-c",
                "mkdir /www && echo -n " + name + " > /www/index.html && exec httpd -f -p 80 -h /www");
    }

    Pod redis(String name) {
        return run(name, 6379, "dockerfile/redis:latest");
    }

    private Pod run(String name, int containerPort, String image, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--label", label,
                "-p", ADDRESS + "::" + containerPort, image));
        args.addAll(List.of(command));
        String id = docker(args.toArray(String[]::new));
        ids.add(id);
        String mapping = docker("port", id, containerPort + "/tcp").lines().findFirst().orElseThrow();
        return new Pod(id, name, Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)));
    }

    /** Runs {@code command} in a throwaway busybox container and returns its output. */
    String runOnce(String... command) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--label", label, "busybox:latest"));
        args.addAll(List.of(command));
        return docker(args.toArray(String[]::new));
    }

    /** The gateway of the engine's default bridge: the host as containers see it (as ./berth finds it). */
    static String bridgeGateway() {
        return bash("source ../scripts/lib/prerequisites.sh && docker_bridge_gateway");
    }

    void remove(Pod pod) {
        docker("rm", "-f", pod.id());
        ids.remove(pod.id());
    }

    @Override
    public void close() {
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(ids);
            docker(args.toArray(String[]::new));
        }
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String bash(String script) {
        return run(List.of("bash", "-c", script));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
