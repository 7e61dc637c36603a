package dev.berth.replication.api;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A controller seen as an autoscaling/v1 Scale. */
final class Scales {

    private Scales() {
    }

    static Scale of(ReplicationController rc) {
        ObjectMeta meta = rc.getMetadata();
        Integer current = rc.getStatus() == null ? null : rc.getStatus().getReplicas();
        return new ScaleBuilder()
                .withApiVersion("autoscaling/v1").withKind("Scale")
                .withMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace())
                        .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion())
                        .withCreationTimestamp(meta.getCreationTimestamp()).build())
                .withNewSpec().withReplicas(rc.getSpec().getReplicas()).endSpec()
                .withNewStatus().withReplicas(current == null ? 0 : current)
                .withSelector(selector(rc.getSpec().getSelector())).endStatus()
                .build();
    }

    private static String selector(Map<String, String> selector) {
        return new TreeMap<>(selector).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
