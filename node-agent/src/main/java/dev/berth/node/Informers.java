package dev.berth.node;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts informers without waiting for the API: an agent must come up (and keep its containers running) while
 * the API is unreachable, and catch up once it answers, so every failure is logged and retried.
 */
public final class Informers {

    private static final Logger log = LoggerFactory.getLogger(Informers.class);

    private Informers() {
    }

    public static <T> SharedIndexInformer<T> started(SharedIndexInformer<T> informer, String what) {
        informer.exceptionHandler((started, failure) -> {
            log.warn("Listing/watching {} failed, retrying: {}", what, failure.toString());
            return true;
        });
        informer.start();
        return informer;
    }
}
