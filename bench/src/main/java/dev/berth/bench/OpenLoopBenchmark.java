package dev.berth.bench;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates pods at a fixed rate, whatever the answers do (open loop, as a cluster's clients behave), once
 * straight to pod-service and once through api-gateway with a token over TLS, and prints the latency of each
 * from the moment its request was due: a slow answer does not slow the load down, so queueing shows in the
 * figures instead of hiding in a lower rate.
 *
 * <p>Usage: {@code OpenLoopBenchmark DIRECT_URL GATEWAY_URL TOKEN GATEWAY_CA_PEM RATES(comma) SECONDS WARMUP_SECONDS}
 */
public final class OpenLoopBenchmark {

    private final String label;
    private final String namespace;
    private final String base;
    private final String token;
    private final HttpClient http;

    private OpenLoopBenchmark(String label, String namespace, String base, String token, HttpClient http) {
        this.label = label;
        this.namespace = namespace;
        this.base = base;
        this.token = token;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        String direct = args[0];
        String gateway = args[1];
        String token = args[2];
        SSLContext tls = trusting(Path.of(args[3]));
        String[] rates = args[4].split(",");
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        OpenLoopBenchmark[] targets = {
                new OpenLoopBenchmark("direct", "open-direct-" + run, direct, null, client(null)),
                new OpenLoopBenchmark("gateway (TLS, token)", "open-gateway-" + run, gateway, token, client(tls)),
        };
        for (OpenLoopBenchmark target : targets) {
            target.createNamespace();
            target.load("warm-", Math.max(1, Integer.parseInt(rates[0])), warmup);
        }
        System.out.printf("%-34s %8s %8s %8s %8s %8s %8s %7s%n",
                "create pod, open loop", "rate/s", "done/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        for (String rate : rates) {
            for (OpenLoopBenchmark target : targets) {
                target.load("r" + rate + "-", Integer.parseInt(rate), seconds).print(target.label);
            }
        }
    }

    private Result load(String prefix, int rate, int seconds) throws Exception {
        int count = rate * seconds;
        long period = 1_000_000_000L / rate;
        Latencies latencies = new Latencies();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            pending[i] = http.sendAsync(request("/api/v1/namespaces/" + namespace + "/pods", ApiBenchmark.pod(prefix + i)),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies.add(System.nanoTime() - due);
                        String kind = error != null ? describe(rootCause(error))
                                : response.statusCode() == 201 ? null : Integer.toString(response.statusCode());
                        if (kind != null) {
                            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(pending).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        return new Result(rate, count / ((System.nanoTime() - start) / 1e9), latencies, new TreeMap<>(errors));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The exception's class and the start of its message: an IOException alone does not say what broke. */
    private static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        return error.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 60));
    }

    /** @param errors failed requests by status code or exception */
    private record Result(int rate, double done, Latencies latencies, Map<String, AtomicInteger> errors) {
        void print(String label) {
            System.out.printf(Locale.ROOT, "%-34s %8d %8.0f %8.2f %8.2f %8.2f %8.2f %7d%s%n", label, rate, done,
                    latencies.millis(0.50), latencies.millis(0.99), latencies.millis(0.999), latencies.millis(1.0),
                    errors.values().stream().mapToInt(AtomicInteger::get).sum(), errors.isEmpty() ? "" : "  " + errors);
        }
    }

    private void createNamespace() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/namespaces",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace + "\"}}"),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(label + ": namespace " + namespace + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private HttpRequest request(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /**
     * Over TLS HTTP/2 when the server offers it (ALPN), as kubectl and fabric8 ask; plain HTTP/1.1 otherwise
     * (without an upgrade attempt, which Tomcat's connector would refuse anyway).
     */
    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls).version(HttpClient.Version.HTTP_2);
        } else {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
    }

    /** Trusts the one certificate in {@code pem} (the gateway's self-signed one). */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trusted.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
