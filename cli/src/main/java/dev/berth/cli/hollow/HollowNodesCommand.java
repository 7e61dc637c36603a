package dev.berth.cli.hollow;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs simulated nodes until killed: what {@code ./berth up --hollow-nodes N} starts. */
@Command(name = "hollow-nodes", description = {"Run N simulated nodes until killed (like kubemark's hollow nodes):",
        "they register, heartbeat, and report the pods bound to them Running without starting containers."})
public final class HollowNodesCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Option(names = "--count", required = true, description = "how many nodes")
    int count;

    @Option(names = "--prefix", defaultValue = "hollow", description = "node names are PREFIX-1 ... PREFIX-N")
    String prefix;

    @Option(names = "--heartbeat", defaultValue = "10s", description = "how often each node renews its Ready condition")
    String heartbeat;

    @Option(names = "--ready-file", description = "written once every node is registered (the launcher waits for it)")
    Path readyFile;

    @Override
    public Integer call() throws Exception {
        Cluster cluster = root.cluster();
        try (HollowKubelet kubelet = new HollowKubelet(cluster.client(), prefix, count)) {
            kubelet.start(Duration.parse("PT" + heartbeat.toUpperCase(Locale.ROOT)));
            System.out.printf("%d hollow nodes (%s-1 ... %s-%d) registered; running until killed%n", count, prefix,
                    prefix, count);
            if (readyFile != null) {
                Files.writeString(readyFile, Long.toString(ProcessHandle.current().pid()));
            }
            Thread.currentThread().join();
        }
        return 0;
    }
}
