package dev.berth.node.discovery;

import dev.berth.node.Informers;
import dev.berth.node.NodeAgentProperties;
import dev.berth.node.runtime.ContainerRuntime;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The services a starting container should know about: an informer's cache of all services, turned into
 * {@link ServiceLinks} for the pod's namespace.
 */
@Component
public class ServiceDirectory implements SmartLifecycle {

    private final KubernetesClient client;
    private final ContainerRuntime runtime;
    private final NodeAgentProperties properties;
    private volatile SharedIndexInformer<Service> informer;
    private volatile String host;
    private volatile boolean running;

    ServiceDirectory(KubernetesClient client, ContainerRuntime runtime, NodeAgentProperties properties) {
        this.client = client;
        this.runtime = runtime;
        this.properties = properties;
    }

    /** Environment for a container starting now in {@code namespace}; empty until the first list arrives. */
    public Map<String, String> environment(String namespace) {
        SharedIndexInformer<Service> services = informer;
        if (services == null) {
            return Map.of();
        }
        return ServiceLinks.environment(services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace), host());
    }

    /** Where pods reach this node's proxy: configured, else the engine's bridge gateway. */
    private String host() {
        if (host == null) {
            String configured = properties.serviceHost();
            host = configured == null || configured.isEmpty() ? runtime.hostAddressForContainers() : configured;
        }
        return host;
    }

    @Override
    public void start() {
        informer = Informers.started(client.services().inAnyNamespace().runnableInformer(0), "services");
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (informer != null) {
            informer.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
