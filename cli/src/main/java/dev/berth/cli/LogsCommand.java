package dev.berth.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code logs [-f] POD [-c CONTAINER]}: the container's output, fetched from its node through the API. */
@Command(name = "logs", description = "Print a container's logs; -f keeps following them.")
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(paramLabel = "POD")
    String pod;

    @Option(names = {"-c", "--container"}, description = "the container (needed when the pod has several)")
    String container;

    @Option(names = {"-f", "--follow"}, description = "stream new output until interrupted")
    boolean follow;

    @Option(names = "--tail", description = "only the last N lines")
    Integer tail;

    @Override
    public Integer call() throws InterruptedException {
        Cluster cluster = root.cluster();
        var resource = cluster.client().pods().inNamespace(cluster.namespace()).withName(pod);
        Pod found = resource.get();
        if (found == null) {
            throw new UserError("pods \"" + pod + "\" not found");
        }
        String name = container;
        if (name == null) {
            if (found.getSpec().getContainers().size() > 1) {
                throw new UserError("pod " + pod + " has several containers; choose one with -c: " + found.getSpec()
                        .getContainers().stream().map(c -> c.getName()).toList());
            }
            name = found.getSpec().getContainers().get(0).getName();
        }
        var logs = resource.inContainer(name);
        Loggable lines = tail == null ? logs : logs.tailingLines(tail);
        if (!follow) {
            System.out.print(lines.getLog());
            System.out.flush();
            return 0;
        }
        try (LogWatch watch = lines.watchLog(System.out)) {
            // The stream ends when the container stops for good or the user interrupts the command.
            Runtime.getRuntime().addShutdownHook(new Thread(watch::close));
            watch.onClose().toCompletableFuture().join();
        }
        return 0;
    }
}
