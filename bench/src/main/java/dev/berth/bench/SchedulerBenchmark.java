package dev.berth.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Scheduling throughput and latency through the real API: registers hollow nodes, then creates pods with
 * concurrent clients while one watch notes when each pod is bound. Latency is per pod, from the start of its
 * create request to the watch event that shows its node. The create rate in the same run is the baseline:
 * the scheduler cannot bind faster than pods arrive.
 *
 * <p>Usage: {@code java -cp ... dev.berth.bench.SchedulerBenchmark http://127.0.0.1:PORT [nodes=1000] [pods=10000] [clients=16]}
 */
public final class SchedulerBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String namespace;
    private final Map<String, Long> boundAt = new ConcurrentHashMap<>();

    private SchedulerBenchmark(ApiClient api, String namespace) {
        this.api = api;
        this.namespace = namespace;
    }

    public static void main(String[] args) throws Exception {
        ApiClient api = new ApiClient(args.length > 0 ? args[0] : "http://127.0.0.1:8081");
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int pods = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        String run = Long.toString(System.currentTimeMillis(), 36);
        SchedulerBenchmark bench = new SchedulerBenchmark(api, "sched-" + run);
        api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"sched-" + run + "\"}}");

        try (HollowNodes hollow = new HollowNodes(api, "hollow-" + run, nodes)) {
            long start = System.nanoTime();
            hollow.register(clients);
            // Every 5 minutes, as a kubelet reports status when nothing changes (its lease aside): at 5,000
            // nodes a 10 s heartbeat alone would be 500 writes/s, more than this machine's API can take.
            System.out.printf(Locale.ROOT, "(%d hollow nodes registered in %.1f s; heartbeats every 5 min)%n", nodes,
                    (System.nanoTime() - start) / 1e9);
            hollow.startHeartbeats(Duration.ofMinutes(5));
            bench.watchBindings();
            // Bound only once the scheduler has seen the last node, so every node is in its cache.
            bench.createAll(List.of("probe"), 1, hollow.name(nodes - 1));
            try {
                bench.awaitBound(List.of("probe"), Duration.ofMinutes(5));
            } catch (IllegalStateException e) {
                System.err.println("probe pod: " + api.send("GET", "/api/v1/namespaces/sched-" + run + "/pods/probe",
                        "application/json", null, 200));
                throw e;
            }

            // Batches until WARMUP_SECONDS have passed: C2 takes a minute or more to compile the scheduler and the
            // API server on two cores, and one batch of 1,000 pods (5-8 s) left the scheduler binding 117, 164,
            // then 417 pods/s in successive 10 s windows of the measurement. Each batch is deleted once bound, so
            // the measurement meets empty nodes and an API server holding only its own pods (kept, 30,000 warm-up
            // pods ran a 256 MiB API server out of heap).
            long warmUpNanos = Long.parseLong(System.getenv().getOrDefault("WARMUP_SECONDS", "60")) * 1_000_000_000L;
            int batch = Math.min(1_000, Math.max(100, pods / 10));
            int warmed = 0;
            start = System.nanoTime();
            do {
                List<String> warm = names("warm-" + warmed / batch, batch);
                bench.createAll(warm, clients, null);
                bench.awaitBound(warm, Duration.ofMinutes(2));
                bench.deleteAll(warm, clients);
                warmed += batch;
            } while (System.nanoTime() - start < warmUpNanos);
            System.out.printf(Locale.ROOT, "(warm-up: %d pods created, bound and deleted in %.1f s, not counted)%n",
                    warmed, (System.nanoTime() - start) / 1e9);

            bench.measure(names("p", pods), clients, nodes);
        }
        System.exit(0);
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private void measure(List<String> names, int clients, int nodes) throws Exception {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        createAll(names, clients, null, createdAt);
        long created = System.nanoTime();
        awaitBound(names, Duration.ofSeconds(120 + names.size() / 10));
        long lastBound = names.stream().mapToLong(boundAt::get).max().orElseThrow();

        Latencies latencies = new Latencies();
        names.forEach(n -> latencies.add(boundAt.get(n) - createdAt.get(n)));
        System.out.printf("%-46s %10s %10s %10s %8s%n", "measurement", "pods/s", "p50 ms", "p99 ms", "count");
        System.out.printf(Locale.ROOT, "%-46s %10.0f %10s %10s %8d%n",
                "create pods, baseline (" + clients + " clients)", names.size() / ((created - start) / 1e9), "-", "-",
                names.size());
        System.out.printf(Locale.ROOT, "%-46s %10.0f %10.1f %10.1f %8d%n",
                "created → bound (" + nodes + " hollow nodes)", names.size() / ((lastBound - start) / 1e9),
                latencies.millis(0.50), latencies.millis(0.99), latencies.count());
        perSecond(names, start, lastBound);
    }

    /** Pods bound in each whole second of the run, as scheduler_perf's SchedulingThroughput samples them. */
    private void perSecond(List<String> names, long start, long end) {
        int seconds = (int) ((end - start) / 1_000_000_000L);
        if (seconds < 2) {
            return;
        }
        long[] counts = new long[seconds];
        for (String name : names) {
            int second = (int) ((boundAt.get(name) - start) / 1_000_000_000L);
            if (second < seconds) {
                counts[second]++;
            }
        }
        long[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "(bound per second over %d s: average %.0f, p50 %d, p90 %d, max %d)%n", seconds,
                java.util.Arrays.stream(counts).average().orElse(0), sorted[seconds / 2],
                sorted[Math.min(seconds - 1, seconds * 9 / 10)], sorted[seconds - 1]);
    }

    private void createAll(List<String> names, int clients, String nodeName) throws Exception {
        createAll(names, clients, nodeName, new ConcurrentHashMap<>());
    }

    private void createAll(List<String> names, int clients, String nodeName, Map<String, Long> createdAt) throws Exception {
        forEach(names, clients, name -> {
            createdAt.put(name, System.nanoTime());
            api.post("/api/v1/namespaces/" + namespace + "/pods", pod(name, nodeName));
        });
    }

    /** Bound pods on hollow nodes have no kubelet to confirm their end: deleted at once, as with --force. */
    private void deleteAll(List<String> names, int clients) throws Exception {
        forEach(names, clients, name -> api.send("DELETE", "/api/v1/namespaces/" + namespace + "/pods/" + name
                + "?gracePeriodSeconds=0", "application/json", null, 200));
    }

    private static void forEach(List<String> names, int clients, Consumer<String> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < names.size(); ) {
                    request.accept(names.get(i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** Polls the watch's record (not the API) with a deadline. */
    private void awaitBound(List<String> names, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!names.stream().allMatch(boundAt::containsKey)) {
            if (System.nanoTime() > deadline) {
                long missing = names.stream().filter(n -> !boundAt.containsKey(n)).count();
                throw new IllegalStateException(missing + " of " + names.size() + " pods not bound within " + limit);
            }
            Thread.sleep(20);
        }
    }

    /** One watch on the namespace; notes the first event of each pod that carries a node. */
    private void watchBindings() throws Exception {
        String list = api.send("GET", "/api/v1/namespaces/" + namespace + "/pods", "application/json", null, 200);
        String version = JSON.readTree(list).path("metadata").path("resourceVersion").asString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/namespaces/" + namespace
                + "/pods?watch=true&resourceVersion=" + version)).build();
        HttpResponse<java.util.stream.Stream<String>> response = api.http().send(request,
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> response.body().forEach(line -> {
            long now = System.nanoTime();
            JsonNode pod = JSON.readTree(line).path("object");
            if (!pod.path("spec").path("nodeName").asString("").isEmpty()) {
                boundAt.putIfAbsent(pod.path("metadata").path("name").asString(), now);
            }
        }), "binding-watch");
        reader.setDaemon(true);
        reader.start();
    }

    private static String pod(String name, String nodeName) {
        String selector = nodeName == null ? "" : ",\"nodeSelector\":{\"kubernetes.io/hostname\":\"" + nodeName + "\"}";
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"bench\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox:1.36\",\"resources\":{\"requests\":"
                + "{\"cpu\":\"100m\",\"memory\":\"128Mi\"}}}]" + selector + "}}";
    }
}
