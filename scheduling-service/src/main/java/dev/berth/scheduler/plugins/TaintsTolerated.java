package dev.berth.scheduler.plugins;

import dev.berth.scheduler.framework.FilterPlugin;
import dev.berth.scheduler.framework.FilterStatus;
import dev.berth.scheduler.framework.NodeInfo;
import dev.berth.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;

/** Every NoSchedule/NoExecute taint on the node is tolerated by the pod; PreferNoSchedule is a preference, not a filter. */
public final class TaintsTolerated implements FilterPlugin {

    @Override
    public FilterStatus filter(PodInfo pod, NodeInfo node) {
        List<Taint> taints = node.taints();
        for (int i = 0; i < taints.size(); i++) {
            Taint taint = taints.get(i);
            if (("NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect()))
                    && pod.tolerations().stream().noneMatch(t -> tolerates(t, taint))) {
                String value = taint.getValue() == null || taint.getValue().isEmpty() ? "" : ": " + taint.getValue();
                return FilterStatus.unfit("node(s) had untolerated taint {" + taint.getKey() + value + "}");
            }
        }
        return FilterStatus.FITS;
    }

    static boolean tolerates(Toleration toleration, Taint taint) {
        String effect = toleration.getEffect();
        if (effect != null && !effect.isEmpty() && !effect.equals(taint.getEffect())) {
            return false;
        }
        String key = toleration.getKey();
        boolean exists = "Exists".equals(toleration.getOperator());
        if (key == null || key.isEmpty()) {
            // An empty key with Exists tolerates everything; an empty key is invalid otherwise.
            return exists;
        }
        if (!key.equals(taint.getKey())) {
            return false;
        }
        return exists || nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
