package dev.berth.api.storage;

/**
 * Where one object lives: its resource (plural), namespace ({@code ""} for cluster-scoped objects) and name.
 */
public record ObjectKey(String resource, String namespace, String name) {

    public ObjectKey {
        namespace = namespace == null ? "" : namespace;
    }

    /** The member of the resource's index: {@code namespace/name}, which sorts objects by namespace. */
    public String indexMember() {
        return indexMember(namespace, name);
    }

    /** The index member of an object in {@code namespace} (null or {@code ""} if cluster-scoped). */
    public static String indexMember(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    public static ObjectKey fromIndexMember(String resource, String member) {
        int slash = member.indexOf('/');
        return new ObjectKey(resource, member.substring(0, slash), member.substring(slash + 1));
    }

    @Override
    public String toString() {
        return resource + "/" + indexMember();
    }
}
