package dev.berth.api.web;

import dev.berth.api.registry.Registry;
import dev.berth.api.registry.Selection;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.Watch;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens watch streams: initial state when asked, live events, bookmarks and the timeout. On shutdown it ends
 * every open stream first, so the web server's graceful shutdown is not held up by long-lived watches and
 * clients reconnect to another instance at once.
 */
public final class Watches implements SmartLifecycle, AutoCloseable {

    private final ApiProperties properties;
    private final WatchFrames frames;
    private final ExecutorService writers;
    private final ScheduledExecutorService timers;
    private final Set<WatchSession> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public Watches(ApiProperties properties, WatchFrames frames, MeterRegistry meters) {
        this.properties = properties;
        this.frames = frames;
        this.writers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 4),
                daemon("berth-watch-writer"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("berth-watch-timer"));
        meters.gauge("berth.api.watches", open, Set::size);
    }

    /**
     * @param resourceVersion null or "0": send the current objects as ADDED first, then changes after them
     */
    public <T extends HasMetadata> ResponseBodyEmitter open(Registry<T> registry, String namespace, Selection selection,
                                                            String resourceVersion, Long timeoutSeconds,
                                                            boolean bookmarks, WatchSession.Format format) {
        Duration timeout = timeoutSeconds != null && timeoutSeconds > 0
                ? Duration.ofSeconds(timeoutSeconds)
                : properties.minWatchTimeout().plusMillis(
                        ThreadLocalRandom.current().nextLong(properties.minWatchTimeout().toMillis() + 1));
        // The servlet container's own timeout is a backstop only; the session ends itself at `timeout`.
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(timeout.plusSeconds(30).toMillis());
        WatchSession session = new WatchSession(emitter, writers, frames, registry.definition(), format,
                properties.watchQueue());
        // Commit the response headers now: clients (fabric8 informers) wait for them before they count the
        // watch as started, and a quiet resource may not produce an event for minutes.
        session.flushHeaders();
        long from;
        if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
            ListResult<StoredObject<T>> current = registry.readList(namespace, selection);
            current.items().forEach(session::sendInitial);
            from = current.revision();
        } else {
            from = parseRevision(resourceVersion);
        }
        Watch watch = registry.watch(namespace, from, selection, session);
        open.add(session);
        ScheduledFuture<?> end = timers.schedule(session::end, timeout.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> marks = bookmarks
                ? timers.scheduleAtFixedRate(session::bookmark, properties.bookmarkInterval().toMillis(),
                properties.bookmarkInterval().toMillis(), TimeUnit.MILLISECONDS)
                : null;
        session.attach(watch, () -> {
            open.remove(session);
            end.cancel(false);
            if (marks != null) {
                marks.cancel(false);
            }
        });
        return emitter;
    }

    static long parseRevision(String resourceVersion) {
        try {
            long value = Long.parseLong(resourceVersion);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw dev.berth.api.errors.ApiException.badRequest("invalid resourceVersion: \"" + resourceVersion + "\"");
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops earlier). */
    @Override
    public void stop() {
        running = false;
        open.forEach(WatchSession::end);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        writers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
