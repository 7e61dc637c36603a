package dev.berth.pod.namespaces;

import dev.berth.api.errors.ApiException;
import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.NamespaceValidator;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Namespaces. Deleting one removes it at once (so nothing new can be created in it) and then everything in
 * it, through {@link NamespaceContentCleaner}; the system namespaces cannot be deleted.
 */
@Component
class NamespaceStrategy implements ResourceStrategy<Namespace> {

    static final ResourceDefinition<Namespace> DEFINITION =
            ResourceDefinition.core("namespaces", "Namespace", false, Namespace.class, List.of("ns"), "status");

    static final Set<String> SYSTEM = Set.of("default", "kube-system", "kube-public");

    private final ApplicationEventPublisher events;

    NamespaceStrategy(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public ResourceDefinition<Namespace> definition() {
        return DEFINITION;
    }

    @Override
    public void prepareForCreate(Namespace namespace) {
        NamespaceStatus status = new NamespaceStatus();
        status.setPhase("Active");
        namespace.setStatus(status);
        Map<String, String> labels = new HashMap<>(namespace.getMetadata().getLabels() == null
                ? Map.of() : namespace.getMetadata().getLabels());
        labels.put("kubernetes.io/metadata.name", namespace.getMetadata().getName());
        namespace.getMetadata().setLabels(labels);
    }

    @Override
    public List<FieldError> validate(Namespace namespace) {
        return NamespaceValidator.validate(namespace);
    }

    @Override
    public Map<String, String> selectableFields(Namespace namespace) {
        return Map.of("status.phase", namespace.getStatus() == null || namespace.getStatus().getPhase() == null
                ? "" : namespace.getStatus().getPhase());
    }

    @Override
    public Set<String> selectableFieldNames() {
        return Set.of("status.phase");
    }

    @Override
    public void beforeDelete(Namespace namespace) {
        if (SYSTEM.contains(namespace.getMetadata().getName())) {
            throw ApiException.forbidden("namespaces \"" + namespace.getMetadata().getName()
                    + "\" is forbidden: this namespace may not be deleted");
        }
    }

    @Override
    public void afterDelete(Namespace namespace) {
        events.publishEvent(new NamespaceDeleted(namespace.getMetadata().getName()));
    }

    record NamespaceDeleted(String name) {
    }
}
