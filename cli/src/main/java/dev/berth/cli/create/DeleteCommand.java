package dev.berth.cli.create;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.Cluster;
import dev.berth.cli.UserError;
import dev.berth.cli.api.ResourceKind;
import dev.berth.cli.seed.SeedPath;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code delete TYPE NAME...}, {@code delete -f FILE} and the seed's {@code delete /pods/ID}. Like kubectl it
 * waits until the objects are gone (a pod goes once its node has stopped the containers) unless --wait=false.
 */
@Command(name = "delete", description = {"Delete objects by type and name, or those in FILE.",
        "The seed's form: delete /pods/ID (or /replicationControllers/ID)."})
public final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(paramLabel = "TYPE NAME...", description = "e.g. pod redis, rc rediscontroller; or /pods/ID")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "delete the objects in FILE")
    List<Path> files = new ArrayList<>();

    @Option(names = "--wait", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "wait until the objects are gone (default true)")
    boolean wait;

    @Option(names = "--timeout", defaultValue = "120s", description = "how long --wait waits, e.g. 60s")
    String timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Cluster cluster = root.cluster();
        List<Target> targets = targets(cluster);
        if (targets.isEmpty()) {
            throw new UserError("nothing to delete: give TYPE NAME..., -f FILE or /pods/ID");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Target target : targets) {
            if (target.resource().delete().isEmpty()) {
                throw new UserError(target.kind().plural() + " \"" + target.name() + "\" not found");
            }
            out.println(target.kind().singular() + " \"" + target.name() + "\" deleted");
            out.flush();
        }
        if (wait) {
            long seconds = Duration.parse("PT" + timeout.toUpperCase(Locale.ROOT)).toSeconds();
            for (Target target : targets) {
                if (target.resource().waitUntilCondition(r -> r == null, seconds, TimeUnit.SECONDS) != null) {
                    throw new UserError(target.kind().singular() + " \"" + target.name() + "\" still exists after " + timeout);
                }
            }
        }
        return 0;
    }

    private record Target(ResourceKind kind, String name, Resource<GenericKubernetesResource> resource) {
    }

    private List<Target> targets(Cluster cluster) {
        List<Target> targets = new ArrayList<>();
        if (!arguments.isEmpty() && arguments.get(0).startsWith("/")) {
            for (String path : arguments) {
                SeedPath seed = SeedPath.parse(path);
                targets.add(target(cluster, seed.kind(), seed.requireId(), cluster.namespace()));
            }
        } else if (!arguments.isEmpty()) {
            if (arguments.size() < 2) {
                throw new UserError("delete " + arguments.get(0) + " needs the name(s) to delete");
            }
            ResourceKind kind = ResourceKind.parse(arguments.get(0));
            arguments.subList(1, arguments.size()).forEach(name -> targets.add(target(cluster, kind, name,
                    cluster.namespace())));
        }
        for (Path file : files) {
            for (JsonNode object : Manifests.read(file)) {
                ResourceKind kind = ResourceKind.ofKind(Manifests.kind(object, file));
                String name = Manifests.isV1beta1(object) ? object.path("id").asString()
                        : object.path("metadata").path("name").asString();
                String namespace = object.path("metadata").path("namespace").asString(cluster.namespace());
                targets.add(target(cluster, kind, name.toLowerCase(Locale.ROOT), namespace));
            }
        }
        return targets;
    }

    private static Target target(Cluster cluster, ResourceKind kind, String name, String namespace) {
        var resources = cluster.client().genericKubernetesResources("v1", kind.kind());
        Resource<GenericKubernetesResource> resource = kind.namespaced()
                ? resources.inNamespace(namespace).withName(name) : resources.withName(name);
        return new Target(kind, name, resource);
    }
}
