package dev.berth.node.logs;

import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;

/**
 * The node side of {@code kubectl logs}: pod-service forwards {@code /log} requests here, to the node the
 * pod runs on (kubelet's {@code /containerLogs}), and the newest attempt of the container is streamed.
 * It writes on the request's own thread rather than as an async body: a followed log lasts as long as the
 * client wants, beyond any async timeout, and every chunk must reach the client as Docker delivers it.
 */
@RestController
class ContainerLogsController {

    private final ContainerRuntime runtime;

    ContainerLogsController(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/containerLogs/{namespace}/{pod}/{container}")
    void logs(@PathVariable String namespace, @PathVariable String pod, @PathVariable String container,
              @RequestParam(defaultValue = "false") boolean follow,
              @RequestParam(required = false) Integer tailLines,
              @RequestParam(defaultValue = "false") boolean timestamps,
              HttpServletResponse response) throws IOException {
        RuntimeContainer latest = runtime.list(Map.of(Labels.POD_NAMESPACE, namespace, Labels.POD_NAME, pod,
                        Labels.CONTAINER_NAME, container)).stream()
                .max(Comparator.comparingInt(RuntimeContainer::restartCount))
                .orElse(null);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        if (latest == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getOutputStream().write(("container \"" + container + "\" in pod \"" + pod
                    + "\" is not running on this node").getBytes(StandardCharsets.UTF_8));
            return;
        }
        OutputStream out = response.getOutputStream();
        // Headers go out now, so a client following a quiet container knows the stream is open.
        response.flushBuffer();
        runtime.logs(latest.id(), follow, tailLines, timestamps, out);
    }
}
