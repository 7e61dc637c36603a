package dev.berth.cli.create;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.Cluster;
import dev.berth.cli.UserError;
import dev.berth.cli.api.ResourceKind;
import dev.berth.cli.seed.SeedPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code create -f FILE}: v1 or v1beta1 objects from JSON or YAML; the seed's {@code -c FILE create /pods}. */
@Command(name = "create", description = {"Create the objects in FILE (v1 or v1beta1, JSON or YAML).",
        "The seed's form: -c FILE create /pods (or /replicationControllers)."})
public final class CreateCommand implements Callable<Integer> {

    private static final Map<String, String> V1BETA1_COLLECTIONS = Map.of("Pod", "pods",
            "ReplicationController", "replicationControllers");

    @ParentCommand
    BerthCommand root;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "manifest to create; repeatable")
    List<Path> files = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "the seed's collection, /pods or /replicationControllers")
    String seedPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> inputs = new ArrayList<>(files);
        if (root.seedConfig() != null) {
            inputs.add(root.seedConfig());
        }
        if (inputs.isEmpty()) {
            throw new UserError("nothing to create: give -f FILE (or the seed's -c FILE before create)");
        }
        SeedPath seed = seedPath == null ? null : SeedPath.parse(seedPath);
        Cluster cluster = root.cluster();
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : inputs) {
            for (JsonNode object : Manifests.read(file)) {
                String kind = Manifests.kind(object, file);
                if (seed != null && !seed.kind().equals(ResourceKind.ofKind(kind))) {
                    throw new UserError(file + " holds a " + kind + ", not one of /" + seed.collection());
                }
                String name = Manifests.isV1beta1(object) ? createV1beta1(cluster, kind, object)
                        : createV1(cluster, object);
                out.println(kind.toLowerCase(Locale.ROOT) + "/" + name + " created");
                out.flush();
            }
        }
        return 0;
    }

    /** The legacy API converts; its answer is the stored object in v1beta1, with the (lower-cased) id. */
    private static String createV1beta1(Cluster cluster, String kind, JsonNode object) {
        String collection = V1BETA1_COLLECTIONS.get(kind);
        if (collection == null) {
            throw new UserError("v1beta1 " + kind + " is not supported: only Pod and ReplicationController");
        }
        JsonNode created = cluster.api().post(new SeedPath(collection, ResourceKind.ofKind(kind), null)
                .v1beta1Path(cluster.namespace()), object.toString());
        return created.path("id").asString();
    }

    private static String createV1(Cluster cluster, JsonNode object) {
        HasMetadata resource = cluster.client().getKubernetesSerialization().unmarshal(object.toString());
        var target = cluster.client().resource(resource);
        HasMetadata created = isClusterScoped(resource) ? target.create()
                : target.inNamespace(namespaceOf(cluster, resource)).create();
        return created.getMetadata().getName();
    }

    private static boolean isClusterScoped(HasMetadata resource) {
        return resource.getKind().equals("Node") || resource.getKind().equals("Namespace");
    }

    private static String namespaceOf(Cluster cluster, HasMetadata resource) {
        String namespace = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
        return namespace != null ? namespace : cluster.namespace();
    }
}
