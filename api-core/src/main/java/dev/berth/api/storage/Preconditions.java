package dev.berth.api.storage;

/**
 * Conditions a write checks against the stored object. {@code null} means "don't care".
 *
 * @param uid             the object must still be the same incarnation (not deleted and recreated)
 * @param resourceVersion the object must not have changed since the caller read it
 */
public record Preconditions(String uid, String resourceVersion) {

    public static final Preconditions NONE = new Preconditions(null, null);

    public boolean isEmpty() {
        return uid == null && resourceVersion == null;
    }
}
