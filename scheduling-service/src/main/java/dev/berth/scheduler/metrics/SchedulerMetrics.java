package dev.berth.scheduler.metrics;

import dev.berth.scheduler.queue.SchedulingQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code berth_scheduler_attempts_total{result}} (scheduled, unschedulable, error),
 * {@code berth_scheduler_e2e_scheduling_seconds} (first queued → bound, histogram) and
 * {@code berth_scheduler_pending_pods{queue}}; the throughput is logged every interval with work.
 */
public final class SchedulerMetrics {

    private static final Logger log = LoggerFactory.getLogger(SchedulerMetrics.class);

    private final Counter scheduled;
    private final Counter unschedulable;
    private final Counter errors;
    private final Timer e2e;
    private final AtomicLong boundSinceLog = new AtomicLong();
    private long lastLogNanos = System.nanoTime();

    public SchedulerMetrics(MeterRegistry registry, SchedulingQueue queue) {
        scheduled = attempts(registry, "scheduled");
        unschedulable = attempts(registry, "unschedulable");
        errors = attempts(registry, "error");
        e2e = Timer.builder("berth.scheduler.e2e.scheduling").description("From first queued to bound")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        Gauge.builder("berth.scheduler.pending.pods", queue, SchedulingQueue::activeSize).tag("queue", "active")
                .register(registry);
        Gauge.builder("berth.scheduler.pending.pods", queue, SchedulingQueue::backoffSize).tag("queue", "backoff")
                .register(registry);
        Gauge.builder("berth.scheduler.pending.pods", queue, SchedulingQueue::unschedulableSize)
                .tag("queue", "unschedulable").register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String result) {
        return Counter.builder("berth.scheduler.attempts").description("Scheduling attempts by result")
                .tag("result", result).register(registry);
    }

    public void bound(long enqueuedNanos) {
        scheduled.increment();
        e2e.record(System.nanoTime() - enqueuedNanos, TimeUnit.NANOSECONDS);
        boundSinceLog.incrementAndGet();
    }

    public void unschedulable() {
        unschedulable.increment();
    }

    public void error() {
        errors.increment();
    }

    /** Logs pods bound per second since the previous call, if any were. */
    @Scheduled(fixedDelayString = "${berth.scheduler.throughput-log-interval:10s}")
    public synchronized void logThroughput() {
        long now = System.nanoTime();
        long bound = boundSinceLog.getAndSet(0);
        double seconds = (now - lastLogNanos) / 1e9;
        lastLogNanos = now;
        if (bound > 0) {
            log.info("Bound {} pods in {}s ({} pods/s); e2e latency mean {} ms, recent max {} ms", bound,
                    Math.round(seconds), Math.round(bound / seconds), Math.round(e2e.mean(TimeUnit.MILLISECONDS)),
                    Math.round(e2e.max(TimeUnit.MILLISECONDS)));
        }
    }
}
