package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code kubectl get events}: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT, SOURCE,
 * FIRST SEEN, COUNT, NAME. Columns keep kube-apiserver's order, wide ones interleaved.
 */
final class EventPrinter implements TablePrinter<Event> {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.string("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
            TableColumn.string("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
            TableColumn.string("Reason", "This should be a short, machine understandable string that gives the reason "
                    + "for the transition into the object's current status."),
            TableColumn.string("Object", "The object that this event is about."),
            TableColumn.wide("Subobject", "If referring to a piece of an object instead of an entire object, this string "
                    + "should contain a valid JSON/Go field access statement."),
            TableColumn.wide("Source", "The component reporting this event. Should be a short machine understandable string."),
            TableColumn.string("Message", "A human-readable description of the status of this operation."),
            TableColumn.wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in "
                    + "TypeMeta.)"),
            TableColumn.wide("Count", "The number of times this event has occurred."),
            new TableColumn("Name", "string", "name", Descriptions.NAME, 1));

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Event event, Instant now) {
        // events.k8s.io/v1 events set eventTime and series instead of first/last timestamps and count.
        String firstSeen = Durations.since(event.getFirstTimestamp(), now);
        if (Durations.parse(event.getFirstTimestamp()) == null && event.getEventTime() != null) {
            firstSeen = Durations.since(event.getEventTime().getTime(), now);
        }
        String lastSeen = Durations.parse(event.getLastTimestamp()) == null
                ? firstSeen : Durations.since(event.getLastTimestamp(), now);
        long count = Cells.orZero(event.getCount());
        if (event.getSeries() != null) {
            lastSeen = Durations.since(
                    event.getSeries().getLastObservedTime() == null ? null : event.getSeries().getLastObservedTime().getTime(),
                    now);
            count = Cells.orZero(event.getSeries().getCount());
        } else if (count == 0) {
            count = 1; // singleton events carry no count
        }
        ObjectReference involved = event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
        return List.of(
                lastSeen,
                Cells.orEmpty(event.getType()),
                Cells.orEmpty(event.getReason()),
                target(involved),
                Cells.orEmpty(involved.getFieldPath()),
                source(event),
                Cells.orEmpty(event.getMessage()).strip(),
                firstSeen,
                count,
                Meta.name(event));
    }

    /** {@code pod/redis}: the lower-cased kind and the name. */
    static String target(ObjectReference involved) {
        String kind = Cells.orEmpty(involved.getKind()).toLowerCase(Locale.ROOT);
        String name = Cells.orEmpty(involved.getName());
        return name.isEmpty() ? kind : kind + "/" + name;
    }

    /** {@code component, host}, falling back to the reporting controller and instance of newer events. */
    static String source(Event event) {
        EventSource source = event.getSource() == null ? new EventSource() : event.getSource();
        String component = firstNonEmpty(source.getComponent(), event.getReportingComponent());
        String instance = firstNonEmpty(source.getHost(), event.getReportingInstance());
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String first, String second) {
        return first != null && !first.isEmpty() ? first : Cells.orEmpty(second);
    }
}
