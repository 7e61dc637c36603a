package dev.berth.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A pod handed out for one scheduling attempt.
 *
 * @param attempts      earlier attempts that did not place it
 * @param enqueuedNanos when it first entered the queue, for the end-to-end latency
 */
public record QueuedPod(Pod pod, int attempts, long enqueuedNanos) {
}
