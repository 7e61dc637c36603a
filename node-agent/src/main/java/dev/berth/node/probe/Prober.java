package dev.berth.node.probe;

import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.ContainerSpec;
import dev.berth.node.runtime.RuntimeContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs a probe once. HTTP and TCP probes dial the port the container port is published on at the node
 * address (the agent runs on the host, where pods are reached through their published ports); exec probes
 * run the command in the container.
 */
final class Prober {

    /** A probe's verdict, with why it failed (for the Unhealthy event). */
    record Outcome(boolean success, String message) {
        static Outcome ok() {
            return new Outcome(true, "");
        }

        static Outcome failed(String message) {
            return new Outcome(false, message);
        }
    }

    private final ContainerRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    Prober(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    Outcome run(Probe probe, Container container, RuntimeContainer running) {
        Duration timeout = Duration.ofSeconds(Probes.timeoutSeconds(probe));
        if (probe.getExec() != null) {
            int exit = runtime.exec(running.id(), probe.getExec().getCommand(), timeout);
            return exit == 0 ? Outcome.ok() : Outcome.failed("command exited with " + exit);
        }
        if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            ContainerSpec.PortMapping port = published(container, running, get.getPort());
            if (port == null) {
                return Outcome.failed("port " + Probes.describe(get.getPort()) + " is not published");
            }
            return httpGet(port, get.getPath(), get.getHttpHeaders(), timeout);
        }
        if (probe.getTcpSocket() != null) {
            ContainerSpec.PortMapping port = published(container, running, probe.getTcpSocket().getPort());
            if (port == null) {
                return Outcome.failed("port " + Probes.describe(probe.getTcpSocket().getPort()) + " is not published");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(port.hostIp(), port.hostPort()), (int) timeout.toMillis());
                return Outcome.ok();
            } catch (IOException e) {
                return Outcome.failed("dial tcp " + port.hostIp() + ":" + port.hostPort() + ": " + e.getMessage());
            }
        }
        return Outcome.ok();
    }

    private Outcome httpGet(ContainerSpec.PortMapping port, String path, Iterable<HTTPHeader> headers, Duration timeout) {
        String target = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + port.hostIp() + ":" + port.hostPort() + target)).timeout(timeout).GET();
        headers.forEach(h -> request.header(h.getName(), h.getValue()));
        try {
            int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            // As kubelet: any 2xx or 3xx is healthy.
            return code >= 200 && code < 400 ? Outcome.ok()
                    : Outcome.failed("HTTP probe failed with statuscode: " + code);
        } catch (IOException e) {
            return Outcome.failed("Get \"" + target + "\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private static ContainerSpec.PortMapping published(Container container, RuntimeContainer running, IntOrString port) {
        Integer number = Probes.containerPort(container, port);
        return number == null ? null : running.publishedPorts().stream()
                .filter(p -> p.containerPort() == number && p.protocol().equalsIgnoreCase("TCP"))
                .findFirst().orElse(null);
    }
}
