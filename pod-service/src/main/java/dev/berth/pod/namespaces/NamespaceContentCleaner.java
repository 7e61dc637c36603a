package dev.berth.pod.namespaces;

import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.web.ApiResources;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes what a deleted namespace held, for every namespaced resource this server serves. */
@Component
class NamespaceContentCleaner {

    private static final Logger log = LoggerFactory.getLogger(NamespaceContentCleaner.class);

    private final ApiResources resources;

    NamespaceContentCleaner(ApiResources resources) {
        this.resources = resources;
    }

    @EventListener
    void onDeleted(NamespaceStrategy.NamespaceDeleted deleted) {
        for (String plural : resources.namespacedPlurals()) {
            Registry<?> registry = resources.registry(plural);
            for (HasMetadata item : registry.list(deleted.name(), Selection.EVERYTHING).items()) {
                try {
                    registry.delete(deleted.name(), item.getMetadata().getName(), new DeleteOptions(), false);
                } catch (dev.berth.api.errors.ApiException e) {
                    // Already gone (or going) is fine; anything else is worth a line but not a failure.
                    if (e.code() != 404) {
                        log.warn("Could not delete {}/{} of deleted namespace {}: {}", plural,
                                item.getMetadata().getName(), deleted.name(), e.getMessage());
                    }
                }
            }
        }
    }
}
