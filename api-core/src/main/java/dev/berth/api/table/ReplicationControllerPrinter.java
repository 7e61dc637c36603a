package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;

import java.time.Instant;
import java.util.List;

/** {@code kubectl get rc}: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
final class ReplicationControllerPrinter implements TablePrinter<ReplicationController> {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.integer("Desired", "Replicas is the number of desired replicas."),
            TableColumn.integer("Current", "Replicas is the most recently observed number of replicas."),
            TableColumn.integer("Ready", "The number of ready replicas for this replication controller."),
            TableColumn.ageColumn(),
            TableColumn.wide("Containers", Descriptions.CONTAINERS),
            TableColumn.wide("Images", Descriptions.IMAGES),
            TableColumn.wide("Selector", "Selector is a label query over pods that should match the Replicas count."));

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(ReplicationController rc, Instant now) {
        ReplicationControllerSpec spec = rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
        ReplicationControllerStatus status = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
        // An unset spec.replicas defaults to 1 in the v1 API.
        long desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
        List<Container> containers = spec.getTemplate() == null || spec.getTemplate().getSpec() == null
                ? List.of() : spec.getTemplate().getSpec().getContainers();
        return List.of(
                Meta.name(rc),
                desired,
                Cells.orZero(status.getReplicas()),
                Cells.orZero(status.getReadyReplicas()),
                Meta.age(rc, now),
                Cells.containerNames(containers),
                Cells.containerImages(containers),
                Cells.labels(spec.getSelector()));
    }
}
