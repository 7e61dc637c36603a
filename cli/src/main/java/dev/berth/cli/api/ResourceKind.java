package dev.berth.cli.api;

import dev.berth.cli.UserError;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The core/v1 resources the CLI knows, by the names and short names kubectl accepts. */
public enum ResourceKind {
    PODS("pods", "Pod", true, "pod", "po"),
    REPLICATION_CONTROLLERS("replicationcontrollers", "ReplicationController", true, "replicationcontroller", "rc"),
    SERVICES("services", "Service", true, "service", "svc"),
    ENDPOINTS("endpoints", "Endpoints", true, "ep"),
    EVENTS("events", "Event", true, "event", "ev"),
    NODES("nodes", "Node", false, "node", "no"),
    NAMESPACES("namespaces", "Namespace", false, "namespace", "ns");

    private final String plural;
    private final String kind;
    private final boolean namespaced;
    private final List<String> aliases;

    ResourceKind(String plural, String kind, boolean namespaced, String... aliases) {
        this.plural = plural;
        this.kind = kind;
        this.namespaced = namespaced;
        this.aliases = List.of(aliases);
    }

    public static ResourceKind parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.plural.equals(wanted) || k.aliases.contains(wanted)).findFirst()
                .orElseThrow(() -> new UserError("unknown resource type \"" + name + "\"; known: "
                        + Arrays.stream(values()).map(k -> k.plural).collect(Collectors.joining(", "))));
    }

    /** Kind name as in {@code kind:} of a manifest, e.g. ReplicationController. */
    public static ResourceKind ofKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst()
                .orElseThrow(() -> new UserError("unknown kind \"" + kind + "\""));
    }

    /** As in a manifest's {@code kind:}. */
    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    /** The singular lower-case name kubectl prints, as in {@code pod/redis created}. */
    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** The v1 collection path, in {@code namespace} (null: across all namespaces). */
    public String path(String namespace) {
        return namespaced && namespace != null ? "/api/v1/namespaces/" + namespace + "/" + plural : "/api/v1/" + plural;
    }
}
