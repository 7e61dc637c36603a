package dev.berth.cli;

import dev.berth.cli.api.ApiRequests;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One cluster as the kubeconfig describes it: the fabric8 client, raw requests, and the namespace to use. */
public final class Cluster implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;

    Cluster(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Also used by tests to talk to a pod-service directly. */
    public static Cluster of(Config config, String namespace) {
        String ns = namespace != null ? namespace : config.getNamespace() != null ? config.getNamespace() : "default";
        return new Cluster(new KubernetesClientBuilder().withConfig(config).build(), ns);
    }

    static Cluster connect(Path kubeconfig, String namespace) {
        Path path = kubeconfig != null ? kubeconfig : defaultKubeconfig();
        if (!Files.isReadable(path)) {
            throw new UserError("no kubeconfig at " + path + ": start a cluster with ./berth up, or pass --kubeconfig");
        }
        try {
            return of(Config.fromKubeconfig(null, Files.readString(path), path.toString()), namespace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** $KUBECONFIG, else the local cluster's (the launcher sets BERTH_HOME to the checkout). */
    private static Path defaultKubeconfig() {
        String fromEnv = System.getenv("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.split(java.io.File.pathSeparator)[0]);
        }
        String home = System.getenv("BERTH_HOME");
        return Path.of(home == null ? "." : home, ".berth", "kubeconfig");
    }

    public KubernetesClient client() {
        return client;
    }

    public ApiRequests api() {
        return new ApiRequests(client);
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        client.close();
    }
}
