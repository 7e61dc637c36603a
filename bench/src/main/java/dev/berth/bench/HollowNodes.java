package dev.berth.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Simulated nodes for scale runs, like kubemark's hollow nodes: each is a Node object with capacity, an
 * InternalIP on its own loopback address (127.0.x.y) and a Ready condition renewed every heartbeat, but no
 * agent and no containers; pods bound to them stay Pending. Runs alone until killed, or inside a benchmark.
 *
 * <p>Usage: {@code java -cp bench.jar dev.berth.bench.HollowNodes http://127.0.0.1:PORT [count=1000] [heartbeat=60s] [prefix=hollow]}
 */
public final class HollowNodes implements AutoCloseable {

    private final ApiClient api;
    private final String prefix;
    private final int count;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hollow-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    HollowNodes(ApiClient api, String prefix, int count) {
        this.api = api;
        this.prefix = prefix;
        this.count = count;
    }

    public static void main(String[] args) throws Exception {
        ApiClient api = new ApiClient(args.length > 0 ? args[0] : "http://127.0.0.1:8081");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Duration heartbeat = Duration.parse("PT" + (args.length > 2 ? args[2] : "60s").toUpperCase(Locale.ROOT));
        HollowNodes nodes = new HollowNodes(api, args.length > 3 ? args[3] : "hollow", count);
        long start = System.nanoTime();
        nodes.register(16);
        System.out.printf(Locale.ROOT, "registered %d hollow nodes in %.1f s; heartbeat every %s until killed%n",
                count, (System.nanoTime() - start) / 1e9, heartbeat);
        nodes.startHeartbeats(heartbeat);
        Thread.currentThread().join();
    }

    String name(int i) {
        return prefix + "-" + i;
    }

    /** Creates every node and reports it Ready, {@code clients} requests at a time. */
    void register(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    api.post("/api/v1/nodes", node(index));
                    reportReady(index);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Renews every node's Ready condition once per interval, spread evenly over it. */
    void startHeartbeats(Duration interval) {
        long gapNanos = Math.max(1, interval.toNanos() / Math.max(1, count));
        for (int i = 0; i < count; i++) {
            int index = i;
            heartbeats.scheduleAtFixedRate(() -> {
                try {
                    reportReady(index);
                } catch (RuntimeException e) {
                    if (!heartbeats.isShutdown()) {
                        System.err.println("heartbeat of " + name(index) + " failed: " + e.getMessage());
                    }
                }
            }, gapNanos * i, interval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void reportReady(int i) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String status = "{\"status\":{"
                + "\"capacity\":" + CAPACITY + ",\"allocatable\":" + CAPACITY + ","
                + "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"" + address(i) + "\"},"
                + "{\"type\":\"Hostname\",\"address\":\"" + name(i) + "\"}],"
                + "\"nodeInfo\":{\"kubeletVersion\":\"v1.32.0-berth-hollow\",\"containerRuntimeVersion\":\"hollow://0\","
                + "\"operatingSystem\":\"linux\",\"architecture\":\"amd64\"},"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"KubeletReady\","
                + "\"message\":\"hollow node\",\"lastHeartbeatTime\":\"" + now + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
        api.send("PATCH", "/api/v1/nodes/" + name(i) + "/status", "application/strategic-merge-patch+json", status, 200);
    }

    private static final String CAPACITY = "{\"cpu\":\"32\",\"memory\":\"128Gi\",\"pods\":\"110\"}";

    private String node(int i) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name(i) + "\",\"labels\":{"
                + "\"kubernetes.io/hostname\":\"" + name(i) + "\",\"berth.dev/hollow\":\"true\"}}}";
    }

    /** 127.0.1.1, 127.0.1.2, ...: distinct loopback addresses, as the architecture's networking rule asks. */
    private static String address(int i) {
        int n = i + 256 + 1;
        return "127." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
