package dev.berth.api.legacy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Container conversion: v1beta1 kept {@code cpu} (millicores) and {@code memory} (bytes) on the container. */
final class V1beta1Containers {

    private V1beta1Containers() {
    }

    static List<Container> toV1(JsonNode containers, List<String> warnings) {
        List<Container> result = new ArrayList<>();
        for (JsonNode node : containers) {
            Container container = new Container();
            container.setName(V1beta1Pods.text(node.path("name")));
            container.setImage(V1beta1Pods.text(node.path("image")));
            container.setImagePullPolicy(pullPolicy(V1beta1Pods.text(node.path("imagePullPolicy")), warnings));
            container.setCommand(strings(node.path("command")));
            container.setWorkingDir(V1beta1Pods.text(node.path("workingDir")));
            container.setPorts(ports(node.path("ports")));
            container.setEnv(env(node.path("env")));
            container.setResources(resources(node));
            result.add(container);
        }
        return result;
    }

    static ArrayNode fromV1(List<Container> containers, JsonMapper mapper) {
        ArrayNode result = mapper.createArrayNode();
        for (Container container : containers) {
            ObjectNode node = result.addObject();
            node.put("name", container.getName());
            node.put("image", container.getImage());
            if (container.getImagePullPolicy() != null) {
                node.put("imagePullPolicy", "Pull" + container.getImagePullPolicy());
            }
            if (!container.getCommand().isEmpty()) {
                node.set("command", mapper.valueToTree(container.getCommand()));
            }
            ArrayNode ports = node.putArray("ports");
            for (ContainerPort port : container.getPorts()) {
                ObjectNode p = ports.addObject();
                p.put("name", port.getName());
                p.put("containerPort", port.getContainerPort());
                p.put("hostPort", port.getHostPort());
                p.put("protocol", port.getProtocol());
            }
            ArrayNode env = node.putArray("env");
            container.getEnv().forEach(e -> env.addObject().put("name", e.getName()).put("value", e.getValue()));
        }
        return result;
    }

    /** v1beta1 said {@code PullAlways}/{@code PullNever}/{@code PullIfNotPresent}; v1 drops the prefix. */
    private static String pullPolicy(String policy, List<String> warnings) {
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        if (policy.startsWith("Pull")) {
            return policy.substring("Pull".length());
        }
        warnings.add("imagePullPolicy \"" + policy + "\" has no v1beta1 \"Pull\" prefix; used as given");
        return policy;
    }

    private static List<ContainerPort> ports(JsonNode ports) {
        List<ContainerPort> result = new ArrayList<>();
        for (JsonNode node : ports) {
            ContainerPort port = new ContainerPort();
            port.setName(V1beta1Pods.text(node.path("name")));
            port.setContainerPort(node.path("containerPort").isNumber() ? node.path("containerPort").asInt() : null);
            if (node.path("hostPort").isNumber() && node.path("hostPort").asInt() != 0) {
                port.setHostPort(node.path("hostPort").asInt());
            }
            String protocol = V1beta1Pods.text(node.path("protocol"));
            port.setProtocol(protocol == null || protocol.isEmpty() ? "TCP" : protocol);
            port.setHostIP(V1beta1Pods.text(node.path("hostIP")));
            result.add(port);
        }
        return result;
    }

    private static List<EnvVar> env(JsonNode env) {
        List<EnvVar> result = new ArrayList<>();
        for (JsonNode node : env) {
            result.add(new EnvVar(V1beta1Pods.text(node.path("name")), V1beta1Pods.text(node.path("value")), null));
        }
        return result;
    }

    private static ResourceRequirements resources(JsonNode container) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        if (container.path("cpu").isNumber() && container.path("cpu").asLong() > 0) {
            limits.put("cpu", new Quantity(container.path("cpu").asLong() + "m"));
        }
        if (container.path("memory").isNumber() && container.path("memory").asLong() > 0) {
            limits.put("memory", new Quantity(String.valueOf(container.path("memory").asLong())));
        }
        ResourceRequirements resources = new ResourceRequirements();
        if (!limits.isEmpty()) {
            resources.setLimits(limits);
        }
        return resources;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asString()));
        return result;
    }
}
