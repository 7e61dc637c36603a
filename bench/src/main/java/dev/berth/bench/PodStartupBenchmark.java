package dev.berth.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Pod startup latency: from the create request to the moment a watch shows the pod {@code Running}, for pods
 * bound to one node-agent, created one after another and then all at once; beside it, {@code docker run -d}
 * of the same image and command on the same engine, which is the floor any agent on Docker stands on.
 *
 * <p>Usage: {@code java -cp bench.jar dev.berth.bench.PodStartupBenchmark http://127.0.0.1:PORT NODE [sequential] [burst]}
 */
public final class PodStartupBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMAGE = "busybox:latest";
    // Exits on SIGTERM at once (a plain sleep as PID 1 would ignore it), so cleanup is quick.
    private static final String SCRIPT = "trap 'exit 0' TERM; sleep 600 & wait";
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final ApiClient api;
    private final String base;
    private final String namespace;
    private final String node;
    private final String label;
    private final Map<String, CompletableFuture<Long>> running = new ConcurrentHashMap<>();
    private final AtomicInteger names = new AtomicInteger();

    private PodStartupBenchmark(String base, String node, String run) {
        this.api = new ApiClient(base);
        this.base = base;
        this.namespace = "startup-" + run;
        this.node = node;
        this.label = "berth.bench=" + run;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String node = args.length > 1 ? args[1] : "node-1";
        int sequential = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int burst = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        PodStartupBenchmark bench = new PodStartupBenchmark(base, node, Long.toString(System.currentTimeMillis(), 36));
        bench.api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":"
                + "{\"name\":\"" + bench.namespace + "\"}}");
        bench.watchRunning();
        for (int i = 0; i < 3; i++) {
            bench.startPod("warmup-" + i);
            bench.startContainer();
        }

        System.out.printf("%-40s %10s %10s %10s %8s%n", "startup (create -> running)", "pods/s", "p50 ms", "p99 ms", "count");
        bench.measure("docker run -d, one after another", sequential, 1, bench::startContainer);
        bench.measure("berth pod, one after another", sequential, 1, () -> bench.startPod(null));
        bench.measure("docker run -d, " + burst + " at once", burst, burst, bench::startContainer);
        bench.measure("berth pod, " + burst + " at once", burst, burst, () -> bench.startPod(null));
        bench.cleanUp();
        System.exit(0);
    }

    private void measure(String label, int count, int concurrency, LongSupplier start) throws Exception {
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                latencies.add(start.getAsLong());
                return null;
            }));
            if (concurrency == 1) {
                go.countDown();
                futures.get(futures.size() - 1).get();
            }
        }
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        long elapsed = System.nanoTime() - began;
        pool.shutdown();
        ApiBenchmark.report(label, count, elapsed, latencies);
    }

    /** Creates a pod bound to the node and returns the nanoseconds until the watch saw it Running. */
    private long startPod(String fixedName) {
        String name = fixedName != null ? fixedName : "p-" + names.incrementAndGet();
        CompletableFuture<Long> seen = running.computeIfAbsent(name, n -> new CompletableFuture<>());
        long began = System.nanoTime();
        api.post("/api/v1/namespaces/" + namespace + "/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodeName\":\"" + node + "\","
                + "\"terminationGracePeriodSeconds\":1,\"containers\":[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"imagePullPolicy\":\"Never\",\"command\":[\"sh\",\"-c\",\"" + SCRIPT + "\"]}]}}");
        try {
            return seen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS) - began;
        } catch (Exception e) {
            throw new IllegalStateException("pod " + name + " was not Running within " + DEADLINE, e);
        }
    }

    /** {@code docker run -d} of the same image and command; returns when the engine reports it started. */
    private long startContainer() {
        long began = System.nanoTime();
        docker("run", "-d", "--label", label, IMAGE, "sh", "-c", SCRIPT);
        return System.nanoTime() - began;
    }

    private void watchRunning() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace
                + "/pods?watch=true")).build();
        api.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                response.body().forEach(line -> {
                    long at = System.nanoTime();
                    JsonNode object = JSON.readTree(line).path("object");
                    if ("Running".equals(object.path("status").path("phase").asString())) {
                        running.computeIfAbsent(object.path("metadata").path("name").asString(),
                                n -> new CompletableFuture<>()).complete(at);
                    }
                }));
    }

    private void cleanUp() {
        running.keySet().forEach(name -> api.send("DELETE", "/api/v1/namespaces/" + namespace + "/pods/" + name
                + "?gracePeriodSeconds=0", "application/json", null, 200));
        String ids = docker("ps", "-aq", "--filter", "label=" + label);
        if (!ids.isBlank()) {
            List<String> remove = new ArrayList<>(List.of("rm", "-f"));
            remove.addAll(List.of(ids.trim().split("\\s+")));
            docker(remove.toArray(String[]::new));
        }
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
