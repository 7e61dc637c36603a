package dev.berth.pod.pods;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Map;

/** Kubernetes' quality-of-service class, from the containers' CPU and memory requests and limits. */
final class QosClass {

    private QosClass() {
    }

    static String of(PodSpec spec) {
        if (spec == null || spec.getContainers().isEmpty()) {
            return "BestEffort";
        }
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : spec.getContainers()) {
            Map<String, Quantity> requests = c.getResources() == null ? Map.of() : c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources() == null ? Map.of() : c.getResources().getLimits();
            requests = requests == null ? Map.of() : requests;
            limits = limits == null ? Map.of() : limits;
            for (String resource : new String[]{"cpu", "memory"}) {
                Quantity request = requests.get(resource);
                Quantity limit = limits.get(resource);
                any |= request != null || limit != null;
                if (limit == null || (request != null && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) != 0)) {
                    guaranteed = false;
                }
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
