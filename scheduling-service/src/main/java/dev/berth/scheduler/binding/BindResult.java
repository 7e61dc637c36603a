package dev.berth.scheduler.binding;

/** How a binding ended. */
public enum BindResult {
    /** The pod is now on the node. */
    BOUND,
    /** The pod was bound elsewhere meanwhile (409) or is gone or being deleted (404, 409): nothing to do. */
    MOOT,
    /** No usable answer; the pod should be tried again. */
    FAILED;

    static BindResult of(int status) {
        if (status == 201 || status == 200) {
            return BOUND;
        }
        return status == 409 || status == 404 ? MOOT : FAILED;
    }
}
