package dev.berth.api.leader;

/**
 * Told when this instance becomes or stops being the active one. Both methods run on the election thread:
 * return quickly (start or stop your own worker), since the lease is not renewed while they run.
 */
public interface LeadershipListener {

    void onGranted();

    void onRevoked();
}
