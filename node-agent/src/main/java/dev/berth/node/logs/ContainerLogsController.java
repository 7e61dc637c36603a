package dev.berth.node.logs;

import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.Labels;
import dev.berth.node.runtime.RuntimeContainer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;

/**
 * The node side of {@code kubectl logs}: pod-service forwards {@code /log} requests here, to the node the
 * pod runs on (kubelet's {@code /containerLogs}), and the newest attempt of the container is streamed.
 */
@RestController
class ContainerLogsController {

    private final ContainerRuntime runtime;

    ContainerLogsController(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/containerLogs/{namespace}/{pod}/{container}")
    ResponseEntity<StreamingResponseBody> logs(@PathVariable String namespace, @PathVariable String pod,
                                               @PathVariable String container,
                                               @RequestParam(defaultValue = "false") boolean follow,
                                               @RequestParam(required = false) Integer tailLines,
                                               @RequestParam(defaultValue = "false") boolean timestamps) {
        RuntimeContainer latest = runtime.list(Map.of(Labels.POD_NAMESPACE, namespace, Labels.POD_NAME, pod,
                        Labels.CONTAINER_NAME, container)).stream()
                .max(Comparator.comparingInt(RuntimeContainer::restartCount))
                .orElse(null);
        if (latest == null) {
            String message = "container \"" + container + "\" in pod \"" + pod + "\" is not running on this node";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body(out -> out.write(message.getBytes(StandardCharsets.UTF_8)));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(out -> runtime.logs(latest.id(), follow, tailLines, timestamps, out));
    }
}
