package dev.berth.api.table;

/** Column descriptions shared by several printers (kube-apiserver takes them from ObjectMeta's swagger docs). */
final class Descriptions {

    static final String NAME = "Name must be unique within a namespace. Is required when creating resources, although some "
            + "resources may allow a client to request the generation of an appropriate name automatically. Name is primarily "
            + "intended for creation idempotence and configuration definition. Cannot be updated.";
    static final String CREATION_TIMESTAMP = "CreationTimestamp is a timestamp representing the server time when this object "
            + "was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not "
            + "set this value. It is represented in RFC3339 form and is in UTC.";
    static final String CONTAINERS = "Names of each container in the template.";
    static final String IMAGES = "Images referenced by each container in the template.";

    private Descriptions() {
    }
}
