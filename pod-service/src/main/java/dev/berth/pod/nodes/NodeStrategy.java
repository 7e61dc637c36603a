package dev.berth.pod.nodes;

import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.NodeValidator;
import io.fabric8.kubernetes.api.model.Node;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nodes: cluster-scoped; their agents report through {@code /status}. */
@Component
class NodeStrategy implements ResourceStrategy<Node> {

    static final ResourceDefinition<Node> DEFINITION =
            ResourceDefinition.core("nodes", "Node", false, Node.class, List.of("no"), "status");

    @Override
    public ResourceDefinition<Node> definition() {
        return DEFINITION;
    }

    @Override
    public List<FieldError> validate(Node node) {
        return NodeValidator.validate(node);
    }

    @Override
    public Map<String, String> selectableFields(Node node) {
        boolean unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        return Map.of("spec.unschedulable", Boolean.toString(unschedulable));
    }

    @Override
    public Set<String> selectableFieldNames() {
        return Set.of("spec.unschedulable");
    }
}
