package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Server-side printing: renders objects as a {@code meta.k8s.io/v1} Table, which kubectl asks for
 * ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}) and prints column by column.
 */
public final class Tables {

    static final String API_VERSION = "meta.k8s.io/v1";

    private static final TablePrinter<HasMetadata> DEFAULT = new DefaultPrinter();

    private Tables() {
    }

    /**
     * Builds the Table for a list (or, with one element, a single object).
     *
     * @param resourceVersion the list's resourceVersion, or null to leave it out
     */
    public static <T extends HasMetadata> ObjectNode table(TablePrinter<? super T> printer, List<? extends T> objects,
            String resourceVersion, IncludeObject include, Instant now, JsonMapper mapper) {
        ObjectNode table = mapper.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", API_VERSION);
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode columns = table.putArray("columnDefinitions");
        for (TableColumn column : printer.columns()) {
            // TableColumnDefinition has no omitempty fields: always write all five.
            columns.addObject()
                    .put("name", column.name())
                    .put("type", column.type())
                    .put("format", column.format())
                    .put("description", column.description())
                    .put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (T object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            printer.cells(object, now).forEach(cell -> addCell(cells, cell, mapper));
            switch (include == null ? IncludeObject.METADATA : include) {
                case NONE -> { }
                case METADATA -> row.set("object", partialObjectMetadata(object, mapper));
                case OBJECT -> row.set("object", mapper.valueToTree(object));
            }
        }
        return table;
    }

    /**
     * Whether the first type in the Accept header that Berth can serve is a Table: JSON with
     * {@code as=Table;g=meta.k8s.io} and {@code v=v1} or {@code v=v1beta1}. Other {@code as=} views and
     * non-JSON Tables are skipped as not acceptable, as kube-apiserver's negotiation does.
     */
    public static boolean wantsTable(String acceptHeader) {
        for (MediaRange range : MediaRange.parseAll(acceptHeader)) {
            if (!range.isJsonCompatible()) {
                continue;
            }
            String as = range.param("as");
            if (as == null) {
                return false; // plain JSON or */* comes first: answer with the object itself
            }
            String version = range.param("v");
            if ("Table".equals(as) && "meta.k8s.io".equals(range.param("g"))
                    && ("v1".equals(version) || "v1beta1".equals(version))) {
                return true;
            }
        }
        return false;
    }

    /** NAME, AGE and a wide "Created At": what a resource without its own printer shows. */
    public static TablePrinter<HasMetadata> defaultPrinter() {
        return DEFAULT;
    }

    private static ObjectNode partialObjectMetadata(HasMetadata object, JsonMapper mapper) {
        ObjectNode partial = mapper.createObjectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", API_VERSION);
        partial.set("metadata", mapper.valueToTree(object.getMetadata()));
        return partial;
    }

    private static void addCell(ArrayNode cells, Object cell, JsonMapper mapper) {
        if (cell == null) {
            cells.addNull();
        } else if (cell instanceof String s) {
            cells.add(s);
        } else if (cell instanceof Long l) {
            cells.add(l);
        } else if (cell instanceof Integer i) {
            cells.add(i);
        } else if (cell instanceof Boolean b) {
            cells.add(b);
        } else {
            cells.add(mapper.valueToTree(cell));
        }
    }

    /** kube-apiserver's DefaultTableConvertor columns, with AGE up front so kubectl shows it by default. */
    private static final class DefaultPrinter implements TablePrinter<HasMetadata> {

        private static final List<TableColumn> COLUMNS = List.of(
                TableColumn.nameColumn(),
                TableColumn.ageColumn(),
                new TableColumn("Created At", "date", "", Descriptions.CREATION_TIMESTAMP, 1));

        @Override
        public List<TableColumn> columns() {
            return COLUMNS;
        }

        @Override
        public List<Object> cells(HasMetadata object, Instant now) {
            String created = object.getMetadata() == null ? null : object.getMetadata().getCreationTimestamp();
            Instant at = Durations.parse(created);
            // RFC 3339 in UTC at second precision, as Go's time.RFC3339 prints it.
            String createdAt = at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
            return List.of(Meta.name(object), Durations.since(created, now), createdAt);
        }
    }
}
