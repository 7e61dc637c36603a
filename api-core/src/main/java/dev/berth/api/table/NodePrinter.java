package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code kubectl get nodes}: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP ... CONTAINER-RUNTIME. */
final class NodePrinter implements TablePrinter<Node> {

    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String LEGACY_ROLE_LABEL = "kubernetes.io/role";
    private static final String UNKNOWN = "<unknown>";

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Status", "The status of the node"),
            TableColumn.string("Roles", "The roles of the node"),
            TableColumn.ageColumn(),
            TableColumn.string("Version", "Kubelet Version reported by the node."),
            TableColumn.wide("Internal-IP", "List of addresses reachable to the node."),
            TableColumn.wide("External-IP", "List of addresses reachable to the node."),
            TableColumn.wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
            TableColumn.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r'."),
            TableColumn.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API."));

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Node node, Instant now) {
        NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
        NodeSystemInfo info = status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();
        return List.of(
                Meta.name(node),
                status(node),
                roles(Meta.labels(node)),
                Meta.age(node, now),
                Cells.orEmpty(info.getKubeletVersion()),
                address(status, "InternalIP"),
                address(status, "ExternalIP"),
                orUnknown(info.getOsImage()),
                orUnknown(info.getKernelVersion()),
                orUnknown(info.getContainerRuntimeVersion()));
    }

    /** {@code Ready} / {@code NotReady} from the Ready condition, {@code Unknown} without one; cordoned nodes add a flag. */
    static String status(Node node) {
        List<String> parts = new ArrayList<>();
        List<NodeCondition> conditions = node.getStatus() == null ? List.of() : Cells.list(node.getStatus().getConditions());
        conditions.stream().filter(c -> "Ready".equals(c.getType())).reduce((first, second) -> second)
                .ifPresent(c -> parts.add("True".equals(c.getStatus()) ? "Ready" : "NotReady"));
        if (parts.isEmpty()) {
            parts.add("Unknown");
        }
        if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            parts.add("SchedulingDisabled");
        }
        return String.join(",", parts);
    }

    /** Sorted roles from {@code node-role.kubernetes.io/<role>} keys and the legacy {@code kubernetes.io/role} value. */
    static String roles(Map<String, String> labels) {
        TreeSet<String> roles = new TreeSet<>();
        labels.forEach((key, value) -> {
            if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                roles.add(key.substring(ROLE_PREFIX.length()));
            } else if (key.equals(LEGACY_ROLE_LABEL) && value != null && !value.isEmpty()) {
                roles.add(value);
            }
        });
        return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
    }

    private static String address(NodeStatus status, String type) {
        return Cells.list(status.getAddresses()).stream()
                .filter(a -> type.equals(a.getType()))
                .map(NodeAddress::getAddress)
                .findFirst().orElse(Cells.NONE);
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
