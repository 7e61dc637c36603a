package dev.berth.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one long-lived watch saw: the last event per pod (type and resourceVersion) and every pod it saw
 * deleted. The client resumes the watch from its last resourceVersion after a dropped connection, so across
 * restarts of the gateway, the API server and Redis it must still see every change once.
 */
final class WatchRecord implements Watcher<Pod> {

    record Last(Action action, String resourceVersion) {
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private volatile WatcherException closedWith;

    @Override
    public void eventReceived(Action action, Pod pod) {
        if (action == Action.BOOKMARK || action == Action.ERROR) {
            return;
        }
        String name = pod.getMetadata().getName();
        if (action == Action.DELETED) {
            deleted.add(name);
        }
        last.put(name, new Last(action, pod.getMetadata().getResourceVersion()));
    }

    @Override
    public void onClose(WatcherException cause) {
        closedWith = cause;
    }

    Map<String, Last> last() {
        return Map.copyOf(last);
    }

    Set<String> deleted() {
        return Set.copyOf(deleted);
    }

    /** Set only if the watch gave up, for example on 410 Gone: the client would have had to relist. */
    WatcherException closedWith() {
        return closedWith;
    }
}
