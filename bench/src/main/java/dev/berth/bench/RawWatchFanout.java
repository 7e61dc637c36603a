package dev.berth.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The watch fan-out of {@link WatchFanout} with watchers that cost the client almost nothing: one thread and a
 * selector over N plain sockets that only count the frames arriving on each, as wrk stands beside the Java client for single requests. What it measures is the server's delivery:
 * from the start of each create request to the arrival of its event at every watcher.
 */
final class RawWatchFanout {

    /** Starts every frame of the watch (only pods are created in its namespace, so only ADDED). */
    private static final byte[] FRAME_START = "{\"type\":\"ADDED\",\"object\":".getBytes(StandardCharsets.US_ASCII);

    private final ApiClient api;
    private final ServerCpu serverCpu;

    RawWatchFanout(ApiClient api, ServerCpu serverCpu) {
        this.api = api;
        this.serverCpu = serverCpu;
    }

    void measure(String ns, int watchers, int writes) throws Exception {
        api.send("POST", "/api/v1/namespaces/" + ns + "/pods", "application/json", ApiBenchmark.pod("ready"), 201);
        URI base = URI.create(api.base());
        byte[] request = ("GET /api/v1/namespaces/" + ns + "/pods?watch=true&timeoutSeconds=300 HTTP/1.1\r\nHost: "
                + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Latencies latencies = new Latencies();
        AtomicLong sentAt = new AtomicLong();
        try (Selector selector = Selector.open()) {
            List<Watcher> all = new ArrayList<>();
            for (int i = 0; i < watchers; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                Watcher watcher = new Watcher(channel);
                channel.register(selector, SelectionKey.OP_READ, watcher);
                all.add(watcher);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
            // The initial state: the "ready" pod at every watcher.
            await(selector, buffer, all, 1, Duration.ofSeconds(120), sentAt, null, "all watchers to connect");
            long cpuStart = ApiBenchmark.cpuMillis(serverCpu);
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                sentAt.set(System.nanoTime());
                api.send("POST", "/api/v1/namespaces/" + ns + "/pods", "application/json",
                        ApiBenchmark.pod("raw-" + i), 201);
                await(selector, buffer, all, 2 + i, Duration.ofSeconds(60), sentAt, latencies, "event " + i + " at every watcher");
            }
            ApiBenchmark.report("watch delivery, " + watchers + " raw watchers", writes * watchers,
                    System.nanoTime() - start, latencies, serverCpu, cpuStart);
            for (Watcher watcher : all) {
                watcher.channel.close();
            }
        }
    }

    /** Reads until every watcher has seen {@code frames} frames, noting each new frame's latency. */
    private static void await(Selector selector, ByteBuffer buffer, List<Watcher> all, int frames, Duration timeout,
                              AtomicLong sentAt, Latencies latencies, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int behind = (int) all.stream().filter(w -> w.frames < frames).count();
        while (behind > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + " (" + behind + " behind)");
            }
            selector.select(100);
            long now = System.nanoTime();
            for (var iterator = selector.selectedKeys().iterator(); iterator.hasNext(); ) {
                SelectionKey key = iterator.next();
                iterator.remove();
                Watcher watcher = (Watcher) key.attachment();
                int before = watcher.frames;
                if (!watcher.read(buffer)) {
                    throw new IllegalStateException("a watch was closed by the server while waiting for " + what);
                }
                for (int n = before; n < watcher.frames; n++) {
                    if (latencies != null) {
                        latencies.add(now - sentAt.get());
                    }
                    if (n + 1 == frames) {
                        behind--;
                    }
                }
            }
        }
    }

    private static final class Watcher {
        final SocketChannel channel;
        int frames;
        /** How many bytes of FRAME_START the end of the last read matched: a marker may span two reads. */
        int matched;

        Watcher(SocketChannel channel) {
            this.channel = channel;
        }

        boolean read(ByteBuffer buffer) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                matched = b == FRAME_START[matched] ? matched + 1 : (b == FRAME_START[0] ? 1 : 0);
                if (matched == FRAME_START.length) {
                    frames++;
                    matched = 0;
                }
            }
            return true;
        }
    }
}
