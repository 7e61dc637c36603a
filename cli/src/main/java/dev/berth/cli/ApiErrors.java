package dev.berth.cli;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns a failure into the one line a user needs: the API's Status message when there is one. */
final class ApiErrors {

    private ApiErrors() {
    }

    static String message(Exception e) {
        if (e instanceof KubernetesClientException k) {
            Status status = k.getStatus();
            if (status != null && status.getMessage() != null) {
                return status.getMessage() + " (" + status.getCode() + (status.getReason() == null ? "" : " " + status.getReason()) + ")";
            }
            return k.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
