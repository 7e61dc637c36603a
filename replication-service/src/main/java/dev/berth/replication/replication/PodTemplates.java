package dev.berth.replication.replication;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;

import java.util.LinkedHashMap;
import java.util.List;

/** A new pod from a controller's template: its labels and annotations, a generated name, and its owner. */
final class PodTemplates {

    private PodTemplates() {
    }

    static Pod podFor(ReplicationController rc, OwnerReference owner) {
        PodTemplateSpec template = rc.getSpec().getTemplate();
        var meta = template.getMetadata();
        return new PodBuilder()
                .withNewMetadata()
                .withGenerateName(rc.getMetadata().getName() + "-")
                .withNamespace(rc.getMetadata().getNamespace())
                .withLabels(meta == null ? null : new LinkedHashMap<>(meta.getLabels()))
                .withAnnotations(meta == null ? null : new LinkedHashMap<>(meta.getAnnotations()))
                .withOwnerReferences(List.of(owner))
                .endMetadata()
                .withSpec(new PodSpecBuilder(template.getSpec()).build())
                .build();
    }
}
