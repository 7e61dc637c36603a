package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.storage.Watch;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.storage.WatchEvent;
import dev.berth.api.storage.WatchListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One client's watch. Storage delivers events on its dispatcher thread, which must never wait for a slow
 * client, so events are queued here and written by a shared writer pool, one drain at a time per session.
 * A client that falls more than the queue bound behind is sent a 410 and closed: it must re-list.
 */
final class WatchSession implements WatchListener {

    private final ResponseBodyEmitter emitter;
    private final Executor writers;
    private final WatchFrames frames;
    private final ResourceDefinition<?> definition;
    private final Format format;
    private final int maxQueued;
    private final ConcurrentLinkedQueue<Supplier<byte[]>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Watch watch;
    private volatile long progress;
    private volatile Runnable onFinish = () -> { };
    private boolean columnsSent;

    /** @param includeObject null for plain JSON events, else the Table {@code includeObject} setting */
    record Format(boolean table, String includeObject) {
    }

    WatchSession(ResponseBodyEmitter emitter, Executor writers, WatchFrames frames, ResourceDefinition<?> definition,
                 Format format, int maxQueued) {
        this.emitter = emitter;
        this.writers = writers;
        this.frames = frames;
        this.definition = definition;
        this.format = format;
        this.maxQueued = maxQueued;
        emitter.onCompletion(this::finish);
        emitter.onTimeout(this::finish);
        emitter.onError(e -> finish());
    }

    void attach(Watch watch, Runnable onFinish) {
        this.watch = watch;
        this.onFinish = onFinish;
        if (finished.get()) {
            watch.close();
        }
    }

    void flushHeaders() {
        enqueue(() -> new byte[0]);
    }

    void sendInitial(StoredObject<?> object) {
        enqueue(() -> format.table() ? tableFrame("ADDED", object.view()) : frames.initial(object));
    }

    @Override
    public void onEvent(WatchEvent event) {
        String type = event.type().name();
        enqueue(() -> format.table() ? tableFrame(type, event.object()) : frames.event(type, event));
    }

    @Override
    public void onProgress(long revision) {
        progress = revision;
    }

    void bookmark() {
        long revision = progress;
        if (revision > 0) {
            enqueue(() -> frames.bookmark(definition, revision));
        }
    }

    @Override
    public void onError(ApiException error) {
        enqueue(() -> frames.error(error.status()));
        end();
    }

    /** Ends the stream after everything queued so far has been written. */
    void end() {
        queue.add(() -> null);
        queued.incrementAndGet();
        schedule();
    }

    private void enqueue(Supplier<byte[]> frame) {
        if (finished.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queue.clear();
            queue.add(() -> frames.error(ApiException.gone(
                    "the watcher fell more than " + maxQueued + " events behind; list again and watch from there").status()));
            queue.add(() -> null);
            finishWatch();
        } else {
            queue.add(frame);
        }
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Supplier<byte[]> frame; (frame = queue.poll()) != null; ) {
                queued.decrementAndGet();
                byte[] bytes = frame.get();
                if (bytes == null) {
                    emitter.complete();
                    finish();
                    return;
                }
                emitter.send(bytes, MediaType.APPLICATION_JSON);
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away.
            finish();
            return;
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    private byte[] tableFrame(String type, HasMetadata object) {
        boolean first = !columnsSent;
        columnsSent = true;
        return frames.tableRow(type, definition, object, first, format.includeObject());
    }

    private void finishWatch() {
        Watch w = watch;
        if (w != null) {
            w.close();
        }
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            finishWatch();
            onFinish.run();
        }
    }
}
