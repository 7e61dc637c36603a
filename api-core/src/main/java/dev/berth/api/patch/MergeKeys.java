package dev.berth.api.patch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which lists a strategic merge patch merges element by element, and by which key, as the core/v1 Go types
 * declare with {@code patchMergeKey} tags. A list is named by the field names on its path ({@code
 * spec.containers.ports}); the longest matching suffix wins, so a pod template inside a controller merges as
 * a pod does. Lists not named here are replaced whole.
 */
final class MergeKeys {

    /** Marks lists of primitives merged as sets (e.g. finalizers). */
    static final String SET = "";

    private static final Map<String, String> BY_SUFFIX = Map.ofEntries(
            Map.entry("spec.containers", "name"),
            Map.entry("spec.initContainers", "name"),
            Map.entry("spec.ephemeralContainers", "name"),
            Map.entry("containers.ports", "containerPort"),
            Map.entry("initContainers.ports", "containerPort"),
            Map.entry("containers.env", "name"),
            Map.entry("initContainers.env", "name"),
            Map.entry("containers.volumeMounts", "mountPath"),
            Map.entry("initContainers.volumeMounts", "mountPath"),
            Map.entry("containers.volumeDevices", "devicePath"),
            Map.entry("spec.volumes", "name"),
            Map.entry("spec.imagePullSecrets", "name"),
            Map.entry("spec.hostAliases", "ip"),
            Map.entry("spec.topologySpreadConstraints", "topologyKey"),
            Map.entry("spec.ports", "port"),
            Map.entry("status.conditions", "type"),
            Map.entry("status.addresses", "type"),
            Map.entry("metadata.ownerReferences", "uid"),
            Map.entry("metadata.finalizers", SET));

    private MergeKeys() {
    }

    /** The merge key of the list at {@code path}, {@link #SET} for a set of primitives, or empty to replace. */
    static Optional<String> of(List<String> path) {
        for (int start = 0; start < path.size(); start++) {
            String suffix = String.join(".", path.subList(start, path.size()));
            String key = BY_SUFFIX.get(suffix);
            if (key != null) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
