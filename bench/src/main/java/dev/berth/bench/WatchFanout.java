package dev.berth.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens N watches on one namespace, then creates pods one at a time and measures, for every watcher, the
 * time from the start of the create request to the arrival of its ADDED event.
 */
final class WatchFanout {

    private final HttpClient http;
    private final String base;
    private final JsonMapper json;
    private final ServerCpu serverCpu;

    WatchFanout(HttpClient http, String base, JsonMapper json, ServerCpu serverCpu) {
        this.http = http;
        this.base = base;
        this.json = json;
        this.serverCpu = serverCpu;
    }

    void measure(String ns, int watchers, int writes) throws Exception {
        send("POST", "/api/v1/namespaces/" + ns + "/pods", ApiBenchmark.pod("ready"));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicInteger connected = new AtomicInteger();
        Latencies latencies = new Latencies();
        for (int i = 0; i < watchers; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + ns
                    + "/pods?watch=true&timeoutSeconds=300")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    long now = System.nanoTime();
                    JsonNode event = json.readTree(line);
                    String name = event.path("object").path("metadata").path("name").asString();
                    if (name.equals("ready")) {
                        connected.incrementAndGet();
                        return;
                    }
                    Long sent = sentAt.get(name);
                    if (sent != null && event.path("type").asString().equals("ADDED")) {
                        latencies.add(now - sent);
                        received.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            }));
        }
        awaitCount(connected, watchers, Duration.ofSeconds(120), "all watchers to connect");
        long cpuStart = ApiBenchmark.cpuMillis(serverCpu);
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            String name = "w-" + i;
            AtomicInteger count = received.computeIfAbsent(name, k -> new AtomicInteger());
            sentAt.put(name, System.nanoTime());
            send("POST", "/api/v1/namespaces/" + ns + "/pods", ApiBenchmark.pod(name));
            awaitCount(count, watchers, Duration.ofSeconds(60), "event " + name + " at every watcher");
        }
        ApiBenchmark.report("watch delivery to " + watchers + " watchers", writes * watchers,
                System.nanoTime() - start, latencies, serverCpu, cpuStart);
    }

    private void send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void awaitCount(AtomicInteger counter, int target, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + " (" + counter.get() + "/" + target + ")");
            }
            Thread.sleep(1);
        }
    }
}
