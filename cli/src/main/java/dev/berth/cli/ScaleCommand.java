package dev.berth.cli;

import dev.berth.cli.api.ResourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code scale rc NAME --replicas N}: writes the controller's scale subresource, as kubectl scale does. */
@Command(name = "scale", description = "Set a replication controller's replica count.")
final class ScaleCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(index = "0", paramLabel = "TYPE", description = "rc (replicationcontrollers)")
    String type;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Option(names = "--replicas", required = true, description = "the number of pods to keep running")
    int replicas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (ResourceKind.parse(type) != ResourceKind.REPLICATION_CONTROLLERS) {
            throw new UserError("only replication controllers scale (scale rc NAME --replicas N)");
        }
        if (replicas < 0) {
            throw new UserError("--replicas must be 0 or more, not " + replicas);
        }
        Cluster cluster = root.cluster();
        var controller = cluster.client().replicationControllers().inNamespace(cluster.namespace()).withName(name);
        if (controller.get() == null) {
            throw new UserError("replicationcontrollers \"" + name + "\" not found");
        }
        controller.scale(replicas);
        spec.commandLine().getOut().println("replicationcontroller/" + name + " scaled");
        return 0;
    }
}
