package dev.berth.api.resource;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Set;

/**
 * What the API serves for one resource: its names, scope and Java type. Discovery, OpenAPI,
 * routing and storage keys are all derived from this one record.
 *
 * @param group        API group, empty for the core group
 * @param version      API version within the group, e.g. {@code v1}
 * @param plural       the path segment, e.g. {@code pods}
 * @param singular     e.g. {@code pod}
 * @param kind         e.g. {@code Pod}
 * @param listKind     e.g. {@code PodList}
 * @param namespaced   whether objects live in a namespace
 * @param type         the fabric8 model class
 * @param shortNames   kubectl short names, e.g. {@code po}
 * @param subresources e.g. {@code status}, {@code binding}
 */
public record ResourceDefinition<T extends HasMetadata>(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        String listKind,
        boolean namespaced,
        Class<T> type,
        List<String> shortNames,
        Set<String> subresources) {

    public static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public static <T extends HasMetadata> ResourceDefinition<T> core(
            String plural, String kind, boolean namespaced, Class<T> type, List<String> shortNames, String... subresources) {
        return new ResourceDefinition<>("", "v1", plural, kind.toLowerCase(java.util.Locale.ROOT), kind, kind + "List",
                namespaced, type, shortNames, Set.of(subresources));
    }

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
