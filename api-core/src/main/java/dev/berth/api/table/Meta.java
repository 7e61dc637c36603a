package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.time.Instant;
import java.util.Map;

/** Null-safe reads of ObjectMeta: stored objects may lack any field. */
final class Meta {

    private Meta() {
    }

    static String name(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        return meta == null || meta.getName() == null ? "" : meta.getName();
    }

    static String age(HasMetadata object, Instant now) {
        ObjectMeta meta = object.getMetadata();
        return Durations.since(meta == null ? null : meta.getCreationTimestamp(), now);
    }

    static boolean deleting(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        return meta != null && meta.getDeletionTimestamp() != null && !meta.getDeletionTimestamp().isEmpty();
    }

    static Map<String, String> labels(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    }
}
