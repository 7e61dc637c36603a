package dev.berth.replication.manager;

import dev.berth.replication.endpoints.EndpointsLoop;
import dev.berth.replication.nodes.NodeLifecycleLoop;
import dev.berth.replication.replication.ReplicationLoop;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops the control loops as a unit. Each start is a fresh term (clients, informers, queues), so
 * an instance that loses the leader lock and wins it again starts from a clean list, not from stale caches.
 */
@Component
public class ControllerManager {

    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);
    private static final Duration SYNC_WAIT = Duration.ofSeconds(10);

    private final ControllerProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private Term term;

    ControllerManager(ControllerProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    public synchronized void start() {
        if (term != null) {
            return;
        }
        term = new Term();
        Thread starter = new Thread(term::run, "controller-manager-start");
        starter.setDaemon(true);
        starter.start();
    }

    @PreDestroy
    public synchronized void stop() {
        if (term != null) {
            term.close();
            term = null;
        }
    }

    public synchronized boolean running() {
        return term != null && term.started;
    }

    /** One period of activity: everything it made is closed with it. */
    private final class Term {

        private final ApiClients clients = ApiClients.of(properties.api());
        private final ClusterInformers informers =
                new ClusterInformers(clients.pods(), clients.controllers(), properties.api().resync());
        private final ReplicationLoop replication = new ReplicationLoop(informers, clients.pods(),
                clients.controllers(), properties.replication().burst(), properties.workers(), meters, clock);
        private final EndpointsLoop endpoints = new EndpointsLoop(informers, clients.pods(),
                properties.workers(), meters);
        private final NodeLifecycleLoop nodes = new NodeLifecycleLoop(informers, clients.pods(), properties.nodes(),
                properties.workers(), meters, clock);
        private volatile boolean closed;
        private volatile boolean started;

        /** Informers first: a loop acting on an empty cache would create every controller's pods again. */
        void run() {
            CompletableFuture<Void> synced = informers.start();
            while (!closed) {
                try {
                    synced.get(SYNC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    log.info("waiting for the informers to list (is the API at {} up?)", properties.api().podsUrl());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    log.error("informers failed to start; the loops stay stopped", e.getCause());
                    return;
                }
            }
            synchronized (ControllerManager.this) {
                if (closed) {
                    return;
                }
                replication.start();
                endpoints.start();
                nodes.start();
                started = true;
                log.info("control loops started");
            }
        }

        void close() {
            closed = true;
            replication.stop();
            endpoints.stop();
            nodes.stop();
            informers.close();
            clients.close();
            log.info("control loops stopped");
        }
    }
}
