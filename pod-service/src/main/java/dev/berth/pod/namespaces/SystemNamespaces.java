package dev.berth.pod.namespaces;

import dev.berth.api.errors.ApiException;
import dev.berth.api.registry.Registry;
import dev.berth.api.web.ApiResources;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Makes sure {@code default}, {@code kube-system} and {@code kube-public} exist, as a fresh cluster has them.
 * It runs before the web server opens its port (as kube-apiserver's post-start hooks gate {@code /readyz}), so
 * no client ever sees a cluster without them; while the store does not answer it keeps trying.
 */
@Component
class SystemNamespaces implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SystemNamespaces.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ApiResources resources;

    SystemNamespaces(ApiResources resources) {
        this.resources = resources;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                createMissing();
                return;
            } catch (ApiException refused) {
                throw refused; // the store answered: a refusal is a bug to report, not an outage to wait out
            } catch (RuntimeException storeUnavailable) {
                log.warn("Cannot create the system namespaces yet ({}); retrying in {} ms",
                        storeUnavailable.getMessage(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(MAX_BACKOFF) > 0) {
                    backoff = MAX_BACKOFF;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void createMissing() {
        Registry<Namespace> namespaces = (Registry<Namespace>) resources.registry("namespaces");
        for (String name : NamespaceStrategy.SYSTEM) {
            try {
                namespaces.create(null, new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), false);
            } catch (ApiException e) {
                if (e.code() != 409) {
                    throw e;
                }
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the system namespaces", e);
        }
    }
}
