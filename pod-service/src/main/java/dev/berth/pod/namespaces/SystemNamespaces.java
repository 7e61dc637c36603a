package dev.berth.pod.namespaces;

import dev.berth.api.errors.ApiException;
import dev.berth.api.registry.Registry;
import dev.berth.api.web.ApiResources;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure {@code default}, {@code kube-system} and {@code kube-public} exist, as a fresh cluster has them. */
@Component
class SystemNamespaces implements ApplicationRunner {

    private final ApiResources resources;

    SystemNamespaces(ApiResources resources) {
        this.resources = resources;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(ApplicationArguments args) {
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
}
