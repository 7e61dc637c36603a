package dev.berth.node.sync;

import dev.berth.node.runtime.ContainerRuntime;
import io.fabric8.kubernetes.api.model.Container;

/** Makes a container's image available as its {@code imagePullPolicy} says. */
final class ImagePolicy {

    enum Result {
        PRESENT(""), PULLED(""), NEVER_PULL("ErrImageNeverPull"), PULL_FAILED("ErrImagePull");

        private final String reason;

        Result(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }

        boolean ready() {
            return this == PRESENT || this == PULLED;
        }
    }

    private ImagePolicy() {
    }

    static Result ensure(ContainerRuntime runtime, Container container) {
        String image = container.getImage();
        String policy = container.getImagePullPolicy() == null ? "IfNotPresent" : container.getImagePullPolicy();
        boolean present = runtime.hasImage(image);
        if (policy.equals("Never")) {
            return present ? Result.PRESENT : Result.NEVER_PULL;
        }
        if (present && policy.equals("IfNotPresent")) {
            return Result.PRESENT;
        }
        try {
            runtime.pull(image);
            return Result.PULLED;
        } catch (RuntimeException e) {
            // Always with no registry reachable: a local copy still runs (Berth's offline images).
            return present ? Result.PRESENT : Result.PULL_FAILED;
        }
    }
}
