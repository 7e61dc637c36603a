package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Instant;
import java.util.List;

/**
 * Turns one object into one Table row. Pure: the same object and {@code now} give the same cells,
 * so printers are tested without a clock or a server.
 *
 * <p>Like kube-apiserver, a printer always returns a cell for every column, wide ones included;
 * the client decides what to show.
 */
public interface TablePrinter<T extends HasMetadata> {

    List<TableColumn> columns();

    /** One cell per {@link #columns()} entry, in order: String, Long/Integer or Boolean values. */
    List<Object> cells(T object, Instant now);
}
