package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;

import java.util.Map;

/** The printer for each resource plural; resources without one get {@link Tables#defaultPrinter()}. */
public final class TablePrinters {

    /** A printer with the type it accepts, so a typed lookup can be checked instead of trusted. */
    private record Entry<T extends HasMetadata>(Class<T> type, TablePrinter<T> printer) {
    }

    private static final Map<String, Entry<?>> BY_PLURAL = Map.of(
            "pods", new Entry<>(Pod.class, new PodPrinter()),
            "nodes", new Entry<>(Node.class, new NodePrinter()),
            "services", new Entry<>(Service.class, new ServicePrinter()),
            "endpoints", new Entry<>(Endpoints.class, new EndpointsPrinter()),
            "namespaces", new Entry<>(Namespace.class, new NamespacePrinter()),
            "events", new Entry<>(Event.class, new EventPrinter()),
            "replicationcontrollers", new Entry<>(ReplicationController.class, new ReplicationControllerPrinter()));

    private TablePrinters() {
    }

    /** The printer registered for {@code plural}, or the default NAME/AGE printer. */
    public static TablePrinter<?> forResource(String plural) {
        Entry<?> entry = BY_PLURAL.get(plural);
        return entry == null ? Tables.defaultPrinter() : entry.printer();
    }

    /**
     * The same lookup, typed for objects of {@code type} so it can be passed straight to
     * {@link Tables#table}; falls back to the default printer when the registered one takes another type.
     */
    @SuppressWarnings("unchecked") // checked: the entry's type accepts every T
    public static <T extends HasMetadata> TablePrinter<? super T> forResource(String plural, Class<T> type) {
        Entry<?> entry = BY_PLURAL.get(plural);
        if (entry != null && entry.type().isAssignableFrom(type)) {
            return (TablePrinter<? super T>) entry.printer();
        }
        return Tables.defaultPrinter();
    }
}
