package dev.berth.api.table;

/**
 * One {@code meta.k8s.io/v1} TableColumnDefinition. kubectl hides columns with {@code priority > 0}
 * unless asked for {@code -o wide}; the server always sends every cell.
 *
 * @param name        column header, e.g. {@code Name}; kubectl upper-cases it
 * @param type        OpenAPI type of the cells: {@code string}, {@code integer}, {@code date}, ...
 * @param format      OpenAPI format hint, {@code name} for the object's name column, else empty
 * @param description what the column shows
 * @param priority    0 for default columns, 1 for {@code -o wide} only
 */
public record TableColumn(String name, String type, String format, String description, int priority) {

    public TableColumn {
        format = format == null ? "" : format;
        description = description == null ? "" : description;
    }

    static TableColumn nameColumn() {
        return new TableColumn("Name", "string", "name", Descriptions.NAME, 0);
    }

    static TableColumn ageColumn() {
        return new TableColumn("Age", "string", "", Descriptions.CREATION_TIMESTAMP, 0);
    }

    static TableColumn string(String name, String description) {
        return new TableColumn(name, "string", "", description, 0);
    }

    static TableColumn integer(String name, String description) {
        return new TableColumn(name, "integer", "", description, 0);
    }

    static TableColumn wide(String name, String description) {
        return new TableColumn(name, "string", "", description, 1);
    }
}
