package dev.berth.scheduler.framework;

/** A filter's verdict on one node: fits, or the reason it does not, as counted in the unschedulable message. */
public record FilterStatus(String reason) {

    public static final FilterStatus FITS = new FilterStatus(null);

    public static FilterStatus unfit(String reason) {
        return new FilterStatus(reason);
    }

    public boolean fits() {
        return reason == null;
    }
}
