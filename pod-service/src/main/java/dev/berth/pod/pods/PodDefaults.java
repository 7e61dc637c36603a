package dev.berth.pod.pods;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;

/** The defaults Kubernetes fills into a pod spec, so clients read back what will actually run. */
final class PodDefaults {

    private PodDefaults() {
    }

    static void apply(Pod pod) {
        PodSpec spec = pod.getSpec();
        if (spec == null) {
            return;
        }
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getDnsPolicy() == null) {
            spec.setDnsPolicy("ClusterFirst");
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(30L);
        }
        if (spec.getSchedulerName() == null) {
            spec.setSchedulerName("default-scheduler");
        }
        if (spec.getEnableServiceLinks() == null) {
            spec.setEnableServiceLinks(true);
        }
        List<Container> all = new ArrayList<>(spec.getContainers());
        all.addAll(spec.getInitContainers());
        all.forEach(PodDefaults::applyContainer);
    }

    private static void applyContainer(Container c) {
        if (c.getImagePullPolicy() == null && c.getImage() != null) {
            c.setImagePullPolicy(usesLatestTag(c.getImage()) ? "Always" : "IfNotPresent");
        }
        if (c.getTerminationMessagePath() == null) {
            c.setTerminationMessagePath("/dev/termination-log");
        }
        if (c.getTerminationMessagePolicy() == null) {
            c.setTerminationMessagePolicy("File");
        }
        for (ContainerPort p : c.getPorts()) {
            if (p.getProtocol() == null) {
                p.setProtocol("TCP");
            }
        }
    }

    /** An image without a tag or digest, or tagged {@code latest}, is pulled every time (Kubernetes' rule). */
    static boolean usesLatestTag(String image) {
        if (image.contains("@")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon <= slash || image.substring(colon + 1).equals("latest");
    }
}
