package dev.berth.replication.manager;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The loops' two API clients (one when both URLs are the gateway's). */
record ApiClients(KubernetesClient pods, KubernetesClient controllers) implements AutoCloseable {

    static ApiClients of(ControllerProperties.Api api) {
        KubernetesClient pods = client(api.podsUrl(), api);
        KubernetesClient controllers = api.controllersUrl().equals(api.podsUrl())
                ? pods : client(api.controllersUrl(), api);
        return new ApiClients(pods, controllers);
    }

    private static KubernetesClient client(String url, ControllerProperties.Api api) {
        // Config.empty(): nothing from ~/.kube or the environment, only what is configured here. A generous
        // request timeout: a create that times out has an unknown outcome, which stalls its controller.
        // Watches reconnect after 50 ms, doubled up to 1.6 s: started beside the API, the loops sync soon after
        // it answers.
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl(url)
                .withTrustCerts(api.trustCertificates()).withRequestTimeout(30_000)
                .withRequestRetryBackoffInterval(200)
                .withRequestRetryBackoffLimit(3).withWatchReconnectInterval(50).withWatchReconnectLimit(-1);
        if (!api.token().isEmpty()) {
            config.withOauthToken(api.token());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    @Override
    public void close() {
        pods.close();
        if (controllers != pods) {
            controllers.close();
        }
    }
}
