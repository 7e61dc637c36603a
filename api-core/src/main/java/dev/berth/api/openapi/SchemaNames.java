package dev.berth.api.openapi;

import java.util.Set;

/** Maps fabric8 model classes to the schema names Kubernetes publishes, which kubectl looks up. */
final class SchemaNames {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model.";
    private static final Set<String> META = Set.of("ObjectMeta", "ListMeta", "OwnerReference", "ManagedFieldsEntry",
            "LabelSelector", "LabelSelectorRequirement", "Status", "StatusDetails", "StatusCause", "DeleteOptions",
            "Preconditions", "FieldsV1", "MicroTime", "Time", "APIResource", "APIResourceList", "Condition");

    private SchemaNames() {
    }

    static String of(Class<?> type) {
        String simple = type.getSimpleName();
        if (type.getName().equals(MODEL_PACKAGE + "Quantity")) {
            return "io.k8s.apimachinery.pkg.api.resource.Quantity";
        }
        if (type.getName().equals(MODEL_PACKAGE + "IntOrString")) {
            return "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
        }
        if (type.getName().startsWith(MODEL_PACKAGE) && META.contains(simple)) {
            return "io.k8s.apimachinery.pkg.apis.meta.v1." + simple;
        }
        if (type.getName().equals(MODEL_PACKAGE + simple)) {
            return "io.k8s.api.core.v1." + simple;
        }
        // Other fabric8 packages (e.g. ...model.apps) keep their last package segment as the group.
        String pkg = type.getPackageName();
        return "io.k8s.api." + pkg.substring(pkg.lastIndexOf('.') + 1) + "." + simple;
    }
}
