package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.List;

/** Nodes: a DNS subdomain name, valid taints, and non-negative capacity and allocatable quantities. */
public final class NodeValidator {

    private static final List<String> EFFECTS = List.of("NoExecute", "NoSchedule", "PreferNoSchedule");
    private static final List<String> ADDRESS_TYPES = List.of("ExternalDNS", "ExternalIP", "Hostname", "InternalDNS",
            "InternalIP");

    private NodeValidator() {
    }

    public static List<FieldError> validate(Node node) {
        Errors errors = new Errors();
        errors.addAll(ObjectMetaValidator.validate(node.getMetadata(), false,
                ObjectMetaValidator.NameRule.DNS1123_SUBDOMAIN));
        if (node.getSpec() != null) {
            List<Taint> taints = node.getSpec().getTaints();
            for (int i = 0; i < taints.size(); i++) {
                String at = "spec.taints[" + i + "]";
                errors.required(at + ".key", taints.get(i).getKey());
                errors.required(at + ".effect", taints.get(i).getEffect());
                errors.oneOf(at + ".effect", emptyToNull(taints.get(i).getEffect()), EFFECTS);
            }
        }
        if (node.getStatus() != null) {
            Resources.quantities("status.capacity", node.getStatus().getCapacity(), true, errors);
            Resources.quantities("status.allocatable", node.getStatus().getAllocatable(), true, errors);
            List<NodeAddress> addresses = node.getStatus().getAddresses();
            for (int i = 0; i < addresses.size(); i++) {
                errors.oneOf("status.addresses[" + i + "].type", addresses.get(i).getType(), ADDRESS_TYPES);
            }
        }
        return errors.list();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
