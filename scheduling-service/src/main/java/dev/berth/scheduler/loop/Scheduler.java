package dev.berth.scheduler.loop;

import dev.berth.api.leader.Leadership;
import dev.berth.api.leader.LeadershipListener;
import dev.berth.scheduler.binding.BindResult;
import dev.berth.scheduler.binding.Binder;
import dev.berth.scheduler.cache.ClusterCache;
import dev.berth.scheduler.framework.Decision;
import dev.berth.scheduler.framework.Pipeline;
import dev.berth.scheduler.framework.PodInfo;
import dev.berth.scheduler.metrics.SchedulerMetrics;
import dev.berth.scheduler.queue.QueuedPod;
import dev.berth.scheduler.queue.SchedulingQueue;
import io.fabric8.kubernetes.api.model.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Semaphore;

/**
 * The scheduling loop, run only while this instance leads: pop a pod, decide and assume under the cache's
 * lock, then bind without waiting for the answer, so the next decision overlaps the previous binding.
 * A standby keeps its informers and queue warm but never decides or binds.
 */
public final class Scheduler implements LeadershipListener {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final SchedulingQueue queue;
    private final ClusterCache cache;
    private final Pipeline pipeline;
    private final Binder binder;
    private final SchedulerMetrics metrics;
    private final Leadership leadership;
    private final ClusterWatcher watcher;
    private final Semaphore bindings;
    private volatile Thread worker;

    public Scheduler(SchedulingQueue queue, ClusterCache cache, Pipeline pipeline, Binder binder,
                     SchedulerMetrics metrics, Leadership leadership, ClusterWatcher watcher, int maxBindingsInFlight) {
        this.queue = queue;
        this.cache = cache;
        this.pipeline = pipeline;
        this.binder = binder;
        this.metrics = metrics;
        this.leadership = leadership;
        this.watcher = watcher;
        this.bindings = new Semaphore(maxBindingsInFlight);
    }

    @Override
    public synchronized void onGranted() {
        log.info("Leading: scheduling starts");
        worker = new Thread(this::run, "scheduler");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void onRevoked() {
        log.info("No longer leading: scheduling stops");
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    private void run() {
        try {
            // Deciding on a partial view of the nodes and their pods could overcommit them.
            watcher.awaitSynced();
            while (!Thread.currentThread().isInterrupted()) {
                scheduleOne(queue.pop());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    void scheduleOne(QueuedPod queued) throws InterruptedException {
        Pod pod = queued.pod();
        String key = PodInfo.key(pod);
        if (cache.isPlaced(key)) {
            queue.done(key);
            return;
        }
        try {
            PodInfo info = PodInfo.of(pod);
            Decision decision = cache.decideAndAssume(info, nodes -> pipeline.schedule(info, nodes));
            if (!decision.fits()) {
                metrics.unschedulable();
                queue.unschedulable(key);
                binder.reportUnschedulable(pod, decision.message());
                return;
            }
            bindings.acquire();
            if (!leadership.isLeader()) {
                bindings.release();
                cache.forget(key);
                queue.retry(key);
                return;
            }
            binder.bind(pod, decision.node()).whenComplete((result, e) -> {
                bindings.release();
                finish(queued, key, decision.node(), result);
            });
        } catch (RuntimeException e) {
            log.warn("Scheduling {} failed: {}", key, e.toString());
            cache.forget(key);
            metrics.error();
            queue.retry(key);
        }
    }

    private void finish(QueuedPod queued, String key, String node, BindResult result) {
        switch (result) {
            case BOUND -> {
                metrics.bound(queued.enqueuedNanos());
                queue.done(key);
                binder.reportScheduled(queued.pod(), node);
            }
            case MOOT -> {
                cache.forget(key);
                queue.done(key);
            }
            case FAILED -> {
                cache.forget(key);
                metrics.error();
                queue.retry(key);
            }
        }
    }
}
