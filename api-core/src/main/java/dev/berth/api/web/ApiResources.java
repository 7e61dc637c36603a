package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import dev.berth.api.registry.Registry;
import dev.berth.api.resource.ResourceDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The resources this server serves, by plural name. */
public final class ApiResources {

    private final Map<String, Registry<?>> byPlural = new LinkedHashMap<>();
    private final Set<String> namespacedPlurals;

    public ApiResources(List<Registry<?>> registries) {
        registries.forEach(r -> byPlural.put(r.definition().plural(), r));
        namespacedPlurals = byPlural.values().stream().map(Registry::definition).filter(ResourceDefinition::namespaced)
                .map(ResourceDefinition::plural).collect(Collectors.toUnmodifiableSet());
    }

    public Registry<?> registry(String plural) {
        Registry<?> registry = byPlural.get(plural);
        if (registry == null) {
            throw ApiException.notFoundPath("/api/v1/" + plural);
        }
        return registry;
    }

    public boolean serves(String plural) {
        return byPlural.containsKey(plural);
    }

    public List<ResourceDefinition<?>> definitions() {
        return byPlural.values().stream().<ResourceDefinition<?>>map(Registry::definition).toList();
    }

    /** Asked on every request (to parse its path), so computed once. */
    public Set<String> namespacedPlurals() {
        return namespacedPlurals;
    }
}
