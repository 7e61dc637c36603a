package dev.berth.scheduler.queue;

import dev.berth.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * Pods waiting for a node, in three places (as kube-scheduler's queue):
 * <ul>
 *   <li><b>active</b>: ready now, highest {@code spec.priority} first, then oldest;</li>
 *   <li><b>back-off</b>: waiting out a capped exponential back-off before going active;</li>
 *   <li><b>unschedulable</b>: did not fit; they leave when the cluster changes in a way that may make room
 *       ({@link #clusterChanged()}: node added or freed, pod deleted), through back-off, or after
 *       {@code unschedulableRetry} at the latest.</li>
 * </ul>
 * A popped pod is in flight until {@link #done}, {@link #unschedulable} or {@link #retry}; a cluster change
 * during its attempt sends it to back-off rather than unschedulable, so the change is not missed.
 */
public final class SchedulingQueue {

    private static final class Entry {
        final String key;
        final int priority;
        final String created;
        final long sequence;
        final long enqueuedNanos;
        Pod pod;
        int attempts;
        long readyAt;
        long retryAt;
        long cycleAtPop;

        Entry(Pod pod, long sequence, long now) {
            this.key = PodInfo.key(pod);
            this.priority = pod.getSpec().getPriority() == null ? 0 : pod.getSpec().getPriority();
            this.created = Objects.requireNonNullElse(pod.getMetadata().getCreationTimestamp(), "");
            this.sequence = sequence;
            this.enqueuedNanos = now;
            this.pod = pod;
        }
    }

    private static final Comparator<Entry> BY_PRIORITY_THEN_AGE = Comparator
            .comparingInt((Entry e) -> -e.priority).thenComparing(e -> e.created).thenComparingLong(e -> e.sequence);

    private final PriorityQueue<Entry> active = new PriorityQueue<>(BY_PRIORITY_THEN_AGE);
    private final PriorityQueue<Entry> backoff = new PriorityQueue<>(Comparator.comparingLong(e -> e.readyAt));
    private final Map<String, Entry> unschedulable = new HashMap<>();
    private final Map<String, Entry> inFlight = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final long initialBackoff;
    private final long maxBackoff;
    private final long unschedulableRetry;
    private final LongSupplier nanoTime;
    private long sequence;
    private long cycle;
    private long nextUnschedulableSweep;

    public SchedulingQueue(Duration initialBackoff, Duration maxBackoff, Duration unschedulableRetry, LongSupplier nanoTime) {
        this.initialBackoff = initialBackoff.toNanos();
        this.maxBackoff = maxBackoff.toNanos();
        this.unschedulableRetry = unschedulableRetry.toNanos();
        this.nanoTime = nanoTime;
    }

    /** An unscheduled pod was added or changed. A change to its spec or labels retries it sooner. */
    public synchronized void add(Pod pod) {
        String key = PodInfo.key(pod);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(pod, sequence++, nanoTime.getAsLong());
            entries.put(key, entry);
            active.add(entry);
            notifyAll();
            return;
        }
        Pod previous = entry.pod;
        entry.pod = pod;
        // Our own status writes also arrive here; only what could change the outcome moves the pod.
        if (unschedulable.containsKey(key) && (!Objects.equals(previous.getSpec(), pod.getSpec())
                || !Objects.equals(previous.getMetadata().getLabels(), pod.getMetadata().getLabels()))) {
            unschedulable.remove(key);
            backoffOrActivate(entry, nanoTime.getAsLong());
        }
    }

    public synchronized void delete(String key) {
        Entry entry = entries.remove(key);
        // Most deletions are of pods just bound, hence in flight: skip the linear scans of the heaps then.
        if (entry != null && inFlight.remove(key) == null && unschedulable.remove(key) == null && !active.remove(entry)) {
            backoff.remove(entry);
        }
    }

    /** Something changed that may let unschedulable pods fit: they go active once their back-off is over. */
    public synchronized void clusterChanged() {
        cycle++;
        long now = nanoTime.getAsLong();
        unschedulable.values().forEach(e -> backoffOrActivate(e, now));
        unschedulable.clear();
    }

    /** Blocks until a pod is active (moving those whose back-off or retry time has come). */
    public synchronized QueuedPod pop() throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            flush(now);
            Entry next = active.poll();
            if (next != null) {
                next.cycleAtPop = cycle;
                inFlight.put(next.key, next);
                return new QueuedPod(next.pod, next.attempts, next.enqueuedNanos);
            }
            long wait = Math.max(nextUnschedulableSweep - now, 1_000_000);
            if (!backoff.isEmpty()) {
                wait = Math.min(wait, Math.max(backoff.peek().readyAt - now, 1_000_000));
            }
            wait(Math.max(1, wait / 1_000_000));
        }
    }

    /** The attempt placed the pod (or it no longer needs placing). */
    public synchronized void done(String key) {
        if (inFlight.remove(key) != null) {
            entries.remove(key);
        }
    }

    /** The attempt found no node. */
    public synchronized void unschedulable(String key) {
        Entry entry = inFlight.remove(key);
        if (entry == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        entry.attempts++;
        entry.readyAt = now + backoff(entry.attempts);
        if (entry.cycleAtPop != cycle) {
            backoffOrActivate(entry, now);
        } else {
            entry.retryAt = now + unschedulableRetry;
            unschedulable.put(key, entry);
        }
    }

    /** The attempt failed for another reason (the API did not answer): try again after back-off. */
    public synchronized void retry(String key) {
        Entry entry = inFlight.remove(key);
        if (entry != null) {
            entry.attempts++;
            entry.readyAt = nanoTime.getAsLong() + backoff(entry.attempts);
            backoff.add(entry);
            notifyAll();
        }
    }

    public synchronized int activeSize() {
        return active.size();
    }

    public synchronized int backoffSize() {
        return backoff.size();
    }

    public synchronized int unschedulableSize() {
        return unschedulable.size();
    }

    long backoff(int attempts) {
        long delay = initialBackoff << Math.min(attempts - 1, 30);
        return delay <= 0 || delay > maxBackoff ? maxBackoff : delay;
    }

    private void backoffOrActivate(Entry entry, long now) {
        if (entry.readyAt - now <= 0) {
            active.add(entry);
        } else {
            backoff.add(entry);
        }
        notifyAll();
    }

    private void flush(long now) {
        while (!backoff.isEmpty() && backoff.peek().readyAt - now <= 0) {
            active.add(backoff.poll());
        }
        // The unschedulable sweep walks every entry, so it runs at most once a second.
        if (now - nextUnschedulableSweep >= 0) {
            nextUnschedulableSweep = now + 1_000_000_000L;
            for (Iterator<Entry> it = unschedulable.values().iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.retryAt - now <= 0) {
                    it.remove();
                    backoffOrActivate(entry, now);
                }
            }
        }
    }
}
