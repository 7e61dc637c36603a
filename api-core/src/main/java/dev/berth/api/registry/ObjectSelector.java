package dev.berth.api.registry;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.WatchEvent;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies label and field selectors to objects and to watch streams. A watch sees an object that starts
 * matching as ADDED and one that stops matching as DELETED, as Kubernetes does, so a filtered cache (the
 * scheduler's unbound pods, a kubelet's own pods) stays exact.
 */
final class ObjectSelector<T extends HasMetadata> {

    private final ResourceStrategy<T> strategy;

    ObjectSelector(ResourceStrategy<T> strategy) {
        this.strategy = strategy;
    }

    void check(Selection selection) {
        selection.fields().requireSupported(supportedFields(), strategy.definition().plural());
    }

    boolean matches(HasMetadata object, Selection selection) {
        @SuppressWarnings("unchecked")
        T typed = (T) object;
        if (!selection.labels().matches(object.getMetadata().getLabels())) {
            return false;
        }
        if (selection.fields().fields().isEmpty()) {
            return true;
        }
        Map<String, String> values = fieldValues(typed);
        return selection.fields().matches(values::get);
    }

    WatchListener filter(Selection selection, WatchListener target) {
        if (selection.labels().isEmpty() && selection.fields().fields().isEmpty()) {
            return target;
        }
        return new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                boolean now = matches(event.object(), selection);
                boolean before = event.previous() != null && matches(event.previousObject(), selection);
                WatchEvent.Type type = switch (event.type()) {
                    case ADDED -> now ? WatchEvent.Type.ADDED : null;
                    case DELETED -> now ? WatchEvent.Type.DELETED : null;
                    case MODIFIED -> now ? (before ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED)
                            : (before ? WatchEvent.Type.DELETED : null);
                };
                if (type == WatchEvent.Type.DELETED && event.type() == WatchEvent.Type.MODIFIED) {
                    // As kube-apiserver: the state the watcher selected, at the revision of the change.
                    StoredObject<HasMetadata> selected = event.previous().atRevision(event.revision());
                    target.onEvent(new WatchEvent(type, event.resource(), selected, event.previous(),
                            event.revision()));
                } else if (type != null) {
                    target.onEvent(new WatchEvent(type, event.resource(), event.stored(), event.previous(),
                            event.revision()));
                }
            }

            @Override
            public void onProgress(long revision) {
                target.onProgress(revision);
            }

            @Override
            public void onError(ApiException error) {
                target.onError(error);
            }
        };
    }

    private Map<String, String> fieldValues(T object) {
        Map<String, String> values = new HashMap<>(strategy.selectableFields(object));
        values.put("metadata.name", object.getMetadata().getName());
        if (strategy.definition().namespaced()) {
            values.put("metadata.namespace", object.getMetadata().getNamespace());
        }
        return values;
    }

    private Set<String> supportedFields() {
        Set<String> fields = new TreeSet<>(strategy.selectableFieldNames());
        fields.add("metadata.name");
        if (strategy.definition().namespaced()) {
            fields.add("metadata.namespace");
        }
        return fields;
    }
}
