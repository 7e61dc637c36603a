package dev.berth.api.leader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;

/**
 * This instance's side of the election: {@link #isLeader()} for a check right before acting, and the
 * {@link LeadershipListener} beans told of every change. Listeners are looked up at each change rather than
 * injected, so a listener may itself depend on this bean.
 */
public final class Leadership implements Candidate {

    private final String role;
    private final String id;
    private final ObjectProvider<LeadershipListener> listeners;
    private volatile Context context;

    Leadership(String role, String id, ObjectProvider<LeadershipListener> listeners) {
        this.role = role;
        this.id = id;
        this.listeners = listeners;
    }

    /** True while this instance holds the lock, as of its last renewal. */
    public boolean isLeader() {
        Context current = context;
        return current != null && current.isLeader();
    }

    @Override
    public String getRole() {
        return role;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void onGranted(Context granted) {
        context = granted;
        listeners.orderedStream().forEach(LeadershipListener::onGranted);
    }

    @Override
    public void onRevoked(Context revoked) {
        context = null;
        listeners.orderedStream().forEach(LeadershipListener::onRevoked);
    }
}
