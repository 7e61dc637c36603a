package dev.berth.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures pod-service through its HTTP API: single-object create/get/update throughput and latency with
 * concurrent clients, the latency of listing 10,000 pods, and how long a write takes to reach 1,000 watchers.
 * Prints one table row per measurement; {@code bench/run-api.sh} prints the Redis baseline beside it.
 *
 * <p>Usage: {@code java -cp bench.jar dev.berth.bench.ApiBenchmark http://127.0.0.1:PORT [objects] [clients] [watchers]}
 */
public final class ApiBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final ServerCpu serverCpu = ServerCpu.fromEnvironment();

    private ApiBenchmark(String base) {
        this.api = new ApiClient(base);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int watchers = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        ApiBenchmark bench = new ApiBenchmark(base);
        String run = Long.toString(System.currentTimeMillis(), 36);
        bench.namespace("bench-" + run);
        bench.namespace("bench-list-" + run);
        bench.namespace("bench-watch-" + run);
        bench.namespace("bench-raw-watch-" + run);
        bench.warmUp("bench-" + run, Math.min(objects, 2_000), clients);

        System.out.printf("%-34s %10s %10s %10s %8s%n", "operation", "ops/s", "p50 ms", "p99 ms", "count");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            names.add("p-" + i);
        }
        String ns = "bench-" + run;
        bench.parallel("create pod", names, clients, name -> bench.send("POST", "/api/v1/namespaces/" + ns + "/pods", pod(name), 201));
        bench.parallel("get pod", names, clients, name -> bench.send("GET", "/api/v1/namespaces/" + ns + "/pods/" + name, null, 200));
        bench.parallel("update pod (GET+PUT)", names, clients, name -> bench.update(ns, name));
        bench.listLatency("bench-list-" + run, 10_000, clients);
        new WatchFanout(bench.api.http(), base, JSON, bench.serverCpu).measure("bench-watch-" + run, watchers, 20);
        new RawWatchFanout(bench.api, bench.serverCpu).measure("bench-raw-watch-" + run, watchers, 20);
    }

    /**
     * JIT-compiles the server's request paths first, so the figures are steady-state, not start-up: rounds of
     * {@code count} create/update/delete (the update a GET and a PUT) until {@code WARMUP_SECONDS} (default
     * 120) have passed. On 2 cores C2 keeps compiling the request path for 1–2 minutes; a shorter warm-up
     * measured the compiler as much as the server (throughput still rising 3× between consecutive 10 s runs).
     */
    private void warmUp(String ns, int count, int clients) throws Exception {
        long seconds = Long.parseLong(System.getenv().getOrDefault("WARMUP_SECONDS", "120"));
        long start = System.nanoTime();
        int rounds = 0;
        do {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add("warm-" + rounds + "-" + i);
            }
            parallelQuietly(names, clients, name -> {
                send("POST", "/api/v1/namespaces/" + ns + "/pods", pod(name), 201);
                update(ns, name);
                send("DELETE", "/api/v1/namespaces/" + ns + "/pods/" + name, null, 200);
            });
            rounds++;
        } while (System.nanoTime() - start < seconds * 1_000_000_000L);
        System.out.printf(Locale.ROOT, "(warm-up: %d create/get/update/delete rounds in %.1f s, not counted)%n",
                rounds * count, (System.nanoTime() - start) / 1e9);
    }

    /** A read-modify-write: GET the pod, change a label, PUT it back with the resourceVersion read. */
    private void update(String ns, String name) {
        JsonNode current = JSON.readTree(send("GET", "/api/v1/namespaces/" + ns + "/pods/" + name, null, 200));
        ((tools.jackson.databind.node.ObjectNode) current.get("metadata")).putObject("labels").put("touched", "yes");
        send("PUT", "/api/v1/namespaces/" + ns + "/pods/" + name, JSON.writeValueAsString(current), 200);
    }

    private void namespace(String name) {
        send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}", 201);
    }

    private void listLatency(String ns, int count, int clients) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("l-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> send("POST", "/api/v1/namespaces/" + ns + "/pods", pod(name), 201)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Latencies latencies = new Latencies();
        int runs = 20;
        long cpuStart = cpuMillis(serverCpu);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            String body = send("GET", "/api/v1/namespaces/" + ns + "/pods", null, 200);
            latencies.add(System.nanoTime() - t);
            if (i == 0 && JSON.readTree(body).get("items").size() != count) {
                throw new IllegalStateException("list returned the wrong number of pods");
            }
        }
        report("list " + count + " pods", runs, System.nanoTime() - start, latencies, serverCpu, cpuStart);

        // kubectl's way: pages of 500 (limit/continue), each cut from the first page's consistent list.
        Latencies pages = new Latencies();
        int pageCount = 0;
        long pagesCpuStart = cpuMillis(serverCpu);
        long pagesStart = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            String token = "";
            int seen = 0;
            do {
                long t = System.nanoTime();
                JsonNode page = JSON.readTree(send("GET", "/api/v1/namespaces/" + ns + "/pods?limit=500"
                        + (token.isEmpty() ? "" : "&continue=" + token), null, 200));
                pages.add(System.nanoTime() - t);
                pageCount++;
                seen += page.get("items").size();
                token = page.path("metadata").path("continue").asString("");
            } while (!token.isEmpty());
            if (seen != count) {
                throw new IllegalStateException("paging returned " + seen + " pods, not " + count);
            }
        }
        report("list page (limit=500) of " + count, pageCount, System.nanoTime() - pagesStart, pages, serverCpu,
                pagesCpuStart);
    }

    interface Op {
        void run(String name) throws Exception;
    }

    private void parallel(String label, List<String> names, int clients, Op op) throws Exception {
        long cpuStart = cpuMillis(serverCpu);
        long start = System.nanoTime();
        List<Latencies> perClient = parallelQuietly(names, clients, op);
        long elapsed = System.nanoTime() - start;
        Latencies all = new Latencies();
        perClient.forEach(all::addAll);
        report(label + " (" + clients + " clients)", names.size(), elapsed, all, serverCpu, cpuStart);
    }

    private List<Latencies> parallelQuietly(List<String> names, int clients, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Latencies> perClient = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            perClient.add(mine);
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < names.size(); ) {
                    long t = System.nanoTime();
                    op.run(names.get(i));
                    mine.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return perClient;
    }

    static void report(String label, int ops, long elapsedNanos, Latencies latencies) {
        report(label, ops, elapsedNanos, latencies, null, 0);
    }

    /** One row; with the server's PID also its CPU per operation since {@code cpuStart}. */
    static void report(String label, int ops, long elapsedNanos, Latencies latencies, ServerCpu cpu, long cpuStart) {
        System.out.printf(Locale.ROOT, "%-34s %10.0f %10.2f %10.2f %8d%s%n", label, ops / (elapsedNanos / 1e9),
                latencies.millis(0.50), latencies.millis(0.99), latencies.count(),
                cpu == null ? "" : ServerCpu.perOperation(cpu.millis() - cpuStart, ops));
    }

    static long cpuMillis(ServerCpu cpu) {
        return cpu == null ? 0 : cpu.millis();
    }

    String send(String method, String path, String body, int expected) {
        return api.send(method, path, "application/json", body, expected);
    }

    static String pod(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"bench\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox:1.36\",\"ports\":[{\"containerPort\":80}]}]}}";
    }

}
