package dev.berth.cli.seed;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.get.GetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** The seed's {@code list /pods} and {@code list /replicationControllers}: the wide table. */
@Command(name = "list", description = "The seed's form: list /pods or /replicationControllers as a wide table.")
public final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(paramLabel = "PATH", description = "/pods or /replicationControllers")
    String path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SeedPath seed = SeedPath.parse(path);
        return GetCommand.printTable(root.cluster(), seed.kind(), true, spec.commandLine().getOut());
    }
}
