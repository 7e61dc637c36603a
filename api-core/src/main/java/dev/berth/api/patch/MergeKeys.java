package dev.berth.api.patch;

import java.util.Map;
import java.util.Optional;

/**
 * Which lists a strategic merge patch merges element by element, and by which key, as the core/v1 Go types
 * declare with {@code patchMergeKey}/{@code patchStrategy} tags. Lists not named here are replaced whole.
 * The OpenAPI documents publish the same table, so kubectl computes {@code apply} patches the way the server
 * applies them.
 */
public final class MergeKeys {

    /** The key of lists of primitives merged as sets (e.g. finalizers). */
    public static final String SET = "";

    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("PodSpec.containers", "name"),
            Map.entry("PodSpec.initContainers", "name"),
            Map.entry("PodSpec.ephemeralContainers", "name"),
            Map.entry("PodSpec.volumes", "name"),
            Map.entry("PodSpec.imagePullSecrets", "name"),
            Map.entry("PodSpec.hostAliases", "ip"),
            Map.entry("PodSpec.topologySpreadConstraints", "topologyKey"),
            Map.entry("Container.ports", "containerPort"),
            Map.entry("Container.env", "name"),
            Map.entry("Container.volumeMounts", "mountPath"),
            Map.entry("Container.volumeDevices", "devicePath"),
            Map.entry("EphemeralContainer.env", "name"),
            Map.entry("EphemeralContainer.volumeMounts", "mountPath"),
            Map.entry("ServiceSpec.ports", "port"),
            Map.entry("PodStatus.conditions", "type"),
            Map.entry("NodeStatus.conditions", "type"),
            Map.entry("NodeStatus.addresses", "type"),
            Map.entry("NamespaceStatus.conditions", "type"),
            Map.entry("ReplicationControllerStatus.conditions", "type"),
            Map.entry("ObjectMeta.ownerReferences", "uid"),
            Map.entry("ObjectMeta.finalizers", SET));

    private MergeKeys() {
    }

    /**
     * @param owner the model class holding the list, e.g. {@code PodSpec}
     * @return the merge key of its list field, {@link #SET} for a set of primitives, or empty to replace
     */
    public static Optional<String> of(Class<?> owner, String field) {
        return owner == null ? Optional.empty() : Optional.ofNullable(BY_FIELD.get(owner.getSimpleName() + "." + field));
    }
}
