package dev.berth.api.errors;

/**
 * One invalid field, named by its path as Kubernetes does ({@code spec.containers[0].image}).
 * The {@link Type} carries the Kubernetes cause reason and the message prefix.
 */
public record FieldError(Type type, String field, Object value, String detail) {

    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        NOT_FOUND("FieldValueNotFound", "Not found");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        public String reason() {
            return reason;
        }

        public String text() {
            return text;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError notSupported(String field, Object value, java.util.Collection<String> supported) {
        return new FieldError(Type.NOT_SUPPORTED, field, value,
                "supported values: " + String.join(", ", supported.stream().map(s -> "\"" + s + "\"").toList()));
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, null);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    public static FieldError notFound(String field, Object value) {
        return new FieldError(Type.NOT_FOUND, field, value, null);
    }

    public static FieldError tooLong(String field, Object value, int max) {
        return new FieldError(Type.TOO_LONG, field, value, "must have at most " + max + " characters");
    }

    /** The message Kubernetes prints for this cause, e.g. {@code Invalid value: "Foo": must be lower case}. */
    public String message() {
        StringBuilder m = new StringBuilder(type.text());
        if (value != null && type != Type.REQUIRED && type != Type.FORBIDDEN) {
            m.append(": ").append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
        }
        if (detail != null && !detail.isEmpty()) {
            m.append(": ").append(detail);
        }
        return m.toString();
    }
}
