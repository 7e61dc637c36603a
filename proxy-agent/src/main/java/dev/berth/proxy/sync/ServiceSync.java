package dev.berth.proxy.sync;

import dev.berth.proxy.ProxyAgentProperties;
import dev.berth.proxy.metrics.ProxyMetrics;
import dev.berth.proxy.routing.ListenerFactory;
import dev.berth.proxy.routing.RoutePlan;
import dev.berth.proxy.routing.RoutePlanner;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Level-triggered: Service and Endpoints events only request a sync; the sync recomputes the whole plan from
 * the informers' caches and hands it to the {@link Proxier}. Requests made while one is pending coalesce, so a
 * burst of endpoint changes costs one sync. A periodic resync retries ports that could not be bound.
 */
@Component
class ServiceSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceSync.class);

    private final KubernetesClient client;
    private final ProxyAgentProperties properties;
    private final Proxier proxier;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "berth-proxy-sync");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SharedIndexInformer<Service> services;
    private volatile SharedIndexInformer<Endpoints> endpoints;
    private volatile Proxier.State state = new Proxier.State(0, 0, Set.of());
    private volatile boolean synced;
    private volatile boolean running;

    ServiceSync(KubernetesClient client, ProxyAgentProperties properties, ListenerFactory listeners,
                ProxyMetrics metrics) {
        this.client = client;
        this.properties = properties;
        this.proxier = new Proxier(listeners, metrics, properties.listenAddresses());
    }

    @Override
    public void start() {
        running = true;
        services = client.services().inAnyNamespace().runnableInformer(0);
        endpoints = client.endpoints().inAnyNamespace().runnableInformer(0);
        observe(services);
        observe(endpoints);
        long resync = properties.resyncInterval().toMillis();
        executor.scheduleWithFixedDelay(this::requestSync, resync, resync, TimeUnit.MILLISECONDS);
    }

    private <T extends HasMetadata> void observe(SharedIndexInformer<T> informer) {
        informer.addEventHandler(new SyncOnChange<>());
        // The default gives up when the first list fails; an agent may well start before the API.
        informer.exceptionHandler((started, error) -> {
            log.warn("Watching the API failed, retrying: {}", error.toString());
            return true;
        });
        // The last list to complete may hold no objects, and so send no event: its completion asks for the
        // first sync, which would otherwise wait for the next resync.
        informer.start().whenComplete((synced, error) -> requestSync());
    }

    private void requestSync() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::sync);
        }
    }

    private void sync() {
        pending.set(false);
        // Until both caches hold a full list, a plan would open services without their endpoints.
        if (!running || !services.hasSynced() || !endpoints.hasSynced()) {
            return;
        }
        try {
            RoutePlan plan = RoutePlanner.plan(services.getStore().list(), endpoints.getStore()::getByKey);
            proxier.apply(plan);
            proxier.forgetExpiredAffinities(System.nanoTime());
            state = proxier.state();
            synced = true;
        } catch (RuntimeException e) {
            log.warn("Sync failed (retried at the next change or resync): {}", e.toString());
        }
    }

    /** Whether the listeners have matched the API at least once, and what they are. */
    boolean synced() {
        return synced;
    }

    Proxier.State state() {
        return state;
    }

    @Override
    public void stop() {
        running = false;
        if (services != null) {
            services.close();
        }
        if (endpoints != null) {
            endpoints.close();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        proxier.closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class SyncOnChange<T extends HasMetadata> implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            requestSync();
        }

        @Override
        public void onUpdate(T old, T object) {
            requestSync();
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            requestSync();
        }
    }
}
