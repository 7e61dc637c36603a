package dev.berth.api.table;

/** The {@code includeObject} query parameter of a Table request: what each row carries besides its cells. */
public enum IncludeObject {
    /** No object: only cells. */
    NONE("None"),
    /** The object's metadata as a {@code PartialObjectMetadata}; the default, enough for kubectl. */
    METADATA("Metadata"),
    /** The full object. */
    OBJECT("Object");

    private final String wireName;

    IncludeObject(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Parses the query parameter; absent or empty means {@link #METADATA} as in Kubernetes.
     *
     * @throws IllegalArgumentException for any other value, which the API answers with 400
     */
    public static IncludeObject parse(String queryParam) {
        if (queryParam == null || queryParam.isEmpty()) {
            return METADATA;
        }
        for (IncludeObject value : values()) {
            if (value.wireName.equals(queryParam)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "includeObject must be one of None, Metadata, Object, not \"" + queryParam + "\"");
    }
}
