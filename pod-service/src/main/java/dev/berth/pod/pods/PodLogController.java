package dev.berth.pod.pods;

import dev.berth.api.errors.ApiException;
import dev.berth.api.registry.Registry;
import dev.berth.api.web.ApiResources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET .../pods/{name}/log} ({@code kubectl logs [-f]}): forwarded to the node-agent of the pod's node,
 * found from the Node's InternalIP and {@code status.daemonEndpoints.kubeletEndpoint.port}, and streamed
 * back as it arrives, on the request's own thread: a followed log lasts as long as the client wants, beyond
 * any async request timeout.
 */
@RestController
class PodLogController {

    private final ApiResources resources;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PodLogController(ApiResources resources) {
        this.resources = resources;
    }

    @GetMapping("/api/v1/namespaces/{namespace}/pods/{name}/log")
    void log(@PathVariable String namespace, @PathVariable String name,
             @RequestParam(required = false) String container,
             @RequestParam(defaultValue = "false") boolean follow,
             @RequestParam(required = false) Integer tailLines,
             @RequestParam(defaultValue = "false") boolean timestamps,
             HttpServletResponse servletResponse) throws IOException {
        Pod pod = registry("pods", Pod.class).get(namespace, name);
        String containerName = containerName(pod, container);
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName == null || nodeName.isEmpty()) {
            throw ApiException.badRequest("container \"" + containerName + "\" in pod \"" + name
                    + "\" is waiting to start: the pod is not scheduled to a node yet");
        }
        URI target = URI.create(nodeAgent(registry("nodes", Node.class).get(null, nodeName)) + "/containerLogs/"
                + namespace + "/" + name + "/" + enc(containerName) + "?follow=" + follow + "&timestamps=" + timestamps
                + (tailLines == null ? "" : "&tailLines=" + tailLines));
        HttpResponse<InputStream> response = send(target);
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw ApiException.badRequest(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw ApiException.unavailable("reading the node's answer failed: " + e.getMessage());
            }
        }
        servletResponse.setContentType(MediaType.TEXT_PLAIN_VALUE);
        OutputStream out = servletResponse.getOutputStream();
        servletResponse.flushBuffer();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    private HttpResponse<InputStream> send(URI target) {
        try {
            return http.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApiException.unavailable("the node-agent at " + target.getAuthority() + " does not answer: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }

    /** Kubernetes' rule: the container may be omitted only when the pod has exactly one. */
    private static String containerName(Pod pod, String requested) {
        List<String> names = pod.getSpec().getContainers().stream().map(Container::getName).toList();
        if (requested == null || requested.isEmpty()) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw ApiException.badRequest("a container name must be specified for pod " + pod.getMetadata().getName()
                    + ", choose one of: " + names);
        }
        if (!names.contains(requested)) {
            throw ApiException.badRequest("container " + requested + " is not valid for pod "
                    + pod.getMetadata().getName());
        }
        return requested;
    }

    private static String nodeAgent(Node node) {
        String address = node.getStatus() == null ? null : node.getStatus().getAddresses().stream()
                .filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress).findFirst().orElse(null);
        Integer port = node.getStatus() == null || node.getStatus().getDaemonEndpoints() == null
                || node.getStatus().getDaemonEndpoints().getKubeletEndpoint() == null ? null
                : node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort();
        if (address == null || port == null || port == 0) {
            throw ApiException.unavailable("node \"" + node.getMetadata().getName()
                    + "\" has not reported where its node-agent listens");
        }
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> Registry<T> registry(String resource, Class<T> type) {
        return (Registry<T>) resources.registry(resource);
    }
}
