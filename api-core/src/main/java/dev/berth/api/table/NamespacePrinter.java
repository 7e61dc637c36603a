package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Namespace;

import java.time.Instant;
import java.util.List;

/** {@code kubectl get namespaces}: NAME STATUS AGE. */
final class NamespacePrinter implements TablePrinter<Namespace> {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Status", "The status of the namespace"),
            TableColumn.ageColumn());

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Namespace namespace, Instant now) {
        String phase = namespace.getStatus() == null ? "" : Cells.orEmpty(namespace.getStatus().getPhase());
        return List.of(Meta.name(namespace), phase, Meta.age(namespace, now));
    }
}
