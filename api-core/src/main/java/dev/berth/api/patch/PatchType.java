package dev.berth.api.patch;

import dev.berth.api.errors.ApiException;

import java.util.Locale;

/** The PATCH body formats Berth applies, chosen by the request's Content-Type as in Kubernetes. */
public enum PatchType {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static PatchType fromContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (PatchType patchType : values()) {
            if (patchType.mediaType.equals(type)) {
                return patchType;
            }
        }
        if (type.equals("application/apply-patch+yaml")) {
            throw ApiException.unsupportedMediaType("server-side apply is not supported by Berth; "
                    + "use client-side `kubectl apply` (the default) or another patch type");
        }
        throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media "
                + "types include: application/json-patch+json, application/merge-patch+json, "
                + "application/strategic-merge-patch+json");
    }
}
