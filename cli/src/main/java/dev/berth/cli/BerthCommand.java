package dev.berth.cli;

import dev.berth.cli.create.CreateCommand;
import dev.berth.cli.create.DeleteCommand;
import dev.berth.cli.describe.DescribeCommand;
import dev.berth.cli.get.GetCommand;
import dev.berth.cli.hollow.HollowNodesCommand;
import dev.berth.cli.seed.ListCommand;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code ./berth}'s verbs on a cluster: the seed's kubecfg forms ({@code -c FILE create /pods},
 * {@code list /pods}, {@code get /pods/ID}, {@code delete /pods/ID}) and their kubectl-style successors.
 * The launcher script handles {@code up}, {@code down} and {@code status} before Java starts.
 */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = BerthCommand.Version.class,
        description = "Talks to a Berth cluster (by default the one ./berth up started).",
        subcommands = {CreateCommand.class, GetCommand.class, ListCommand.class, DeleteCommand.class,
                ScaleCommand.class, LogsCommand.class, DescribeCommand.class, HollowNodesCommand.class},
        footer = {"", "Cluster lifecycle (handled by the ./berth launcher): up [--nodes N] [--hollow-nodes N], "
                + "status, down.", "Any other verb runs kubectl with the cluster's kubeconfig."})
public final class BerthCommand implements AutoCloseable {

    @Option(names = "--kubeconfig", description = "kubeconfig to use (default: $KUBECONFIG, else .berth/kubeconfig)")
    Path kubeconfig;

    @Option(names = {"-n", "--namespace"}, description = "namespace (default: the kubeconfig context's, else default)")
    String namespace;

    @Option(names = "-c", paramLabel = "FILE", description = "the seed's form: the object to create, for `create /pods`")
    Path seedConfig;

    private Cluster cluster;

    /** The connection, opened on first use so that `--help` needs no cluster. */
    public Cluster cluster() {
        if (cluster == null) {
            cluster = Cluster.connect(kubeconfig, namespace);
        }
        return cluster;
    }

    public Path seedConfig() {
        return seedConfig;
    }

    /** Uses this kubeconfig, as {@code --kubeconfig} would. */
    public BerthCommand withKubeconfig(Path path) {
        this.kubeconfig = path;
        return this;
    }


    /** Closes the connection, which also ends a running watch or log stream. */
    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The command line for {@code root}: an API error or a user's mistake prints one line and exits 1; anything
     * else is a bug in Berth and exits 2 with its stack trace.
     */
    public static CommandLine commandLine(BerthCommand root) {
        return new CommandLine(root).setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean expected = e instanceof KubernetesClientException || e instanceof UserError;
            cmd.getErr().println("error: " + ApiErrors.message(e));
            if (!expected) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return expected ? 1 : 2;
        });
    }

    public static void main(String[] args) {
        int exit;
        try (BerthCommand root = new BerthCommand()) {
            CommandLine commandLine = commandLine(root);
            exit = commandLine.execute(args);
            commandLine.getOut().flush();
        }
        System.exit(exit);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BerthCommand.class.getPackage().getImplementationVersion();
            return new String[] {"berth " + (version == null ? "(development build)" : version)};
        }
    }
}
