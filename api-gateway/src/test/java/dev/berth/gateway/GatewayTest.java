package dev.berth.gateway;

import dev.berth.api.testing.Kubectl;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.Path;
import java.time.Duration;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static dev.berth.gateway.GatewayCluster.NODE1;
import static dev.berth.gateway.GatewayCluster.NODE2;
import static dev.berth.gateway.GatewayCluster.THROTTLED;
import static dev.berth.gateway.GatewayCluster.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway as users meet it: kubectl with a token, refusals as Status objects, node restriction. */
class GatewayTest {

    private final GatewayCluster cluster = GatewayCluster.shared();

    @Test
    void kubectlWithATokenCreatesGetsWatchesAndDeletesThroughTheGateway() throws Exception {
        Kubectl kubectl = Kubectl.withToken(cluster.url(), ADMIN, cluster.certificate.authorityData());
        Process watch = kubectl.start("get", "pods", "-w", "--output-watch-events");
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(
                watch.getInputStream())).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            Kubectl.Result first = kubectl.run("get", "pods");
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            Path manifest = kubectl.write("gw.yaml", """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: gw-kubectl
                    spec:
                      containers:
                      - name: web
                        image: busybox:1.36
                    """);
            assertThat(kubectl.ok("create", "-f", manifest.toString())).contains("pod/gw-kubectl created");
            assertThat(kubectl.ok("get", "pods")).containsPattern("gw-kubectl\\s+0/1\\s+Pending");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains("gw-kubectl")));
            assertThat(kubectl.ok("delete", "pod", "gw-kubectl")).contains("deleted");
        } finally {
            watch.destroy();
        }
    }

    @Test
    void withoutAValidTokenTheGatewayAnswers401AndTheBackendRefusesDirectCalls() {
        HttpResponse<String> none = Requests.get(cluster.url() + "/api/v1/namespaces/default/pods", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"kind\":\"Status\"").contains("\"reason\":\"Unauthorized\"");
        assertThat(Requests.get(cluster.url() + "/api/v1/pods", "no-such-token").statusCode()).isEqualTo(401);
        Kubectl.Result kubectl = Kubectl.withToken(cluster.url(), "wrong", cluster.certificate.authorityData()).run("get", "pods");
        assertThat(kubectl.exitCode()).isNotZero();
        assertThat(kubectl.stderr()).contains("provide credentials");

        // Straight to pod-service, without the gateway's secret, even with a forged identity header.
        HttpResponse<String> bypass = Requests.send("GET", cluster.podService.url() + "/api/v1/pods", null,
                null, null);
        assertThat(bypass.statusCode()).isEqualTo(401);
        assertThat(bypass.body()).contains("must come through the api-gateway");
    }

    @Test
    void aViewerCanReadButNotCreate() {
        assertThat(Requests.get(cluster.url() + "/api/v1/namespaces/default/pods", VIEWER).statusCode()).isEqualTo(200);
        HttpResponse<String> create = Requests.send("POST", cluster.url() + "/api/v1/namespaces/default/pods", VIEWER,
                "application/json", Requests.pod("viewer-pod", null));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.body()).contains("\"reason\":\"Forbidden\"").contains("User \\\"vera\\\" cannot create");
        Kubectl.Result kubectl = Kubectl.withToken(cluster.url(), VIEWER, cluster.certificate.authorityData()).run("create", "namespace", "viewer-ns");
        assertThat(kubectl.exitCode()).isNotZero();
        assertThat(kubectl.stderr()).contains("forbidden");
    }

    @Test
    void aNodeMayWriteOnlyItsOwnNodeAndThePodsBoundToIt() {
        for (String node : List.of("node-1", "node-2")) {
            assertThat(Requests.send("POST", cluster.url() + "/api/v1/nodes", ADMIN, "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + node + "\"}}")
                    .statusCode()).isIn(201, 409);
        }
        String status = "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}";
        assertThat(Requests.send("PATCH", cluster.url() + "/api/v1/nodes/node-1/status", NODE1,
                "application/merge-patch+json", status).statusCode()).isEqualTo(200);
        HttpResponse<String> other = Requests.send("PATCH", cluster.url() + "/api/v1/nodes/node-2/status", NODE1,
                "application/merge-patch+json", status);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("may only modify its own Node");

        Requests.send("POST", cluster.url() + "/api/v1/namespaces/default/pods", ADMIN, "application/json",
                Requests.pod("on-node-2", "node-2"));
        String running = "{\"status\":{\"phase\":\"Running\"}}";
        assertThat(Requests.send("PATCH", cluster.url() + "/api/v1/namespaces/default/pods/on-node-2/status", NODE1,
                "application/merge-patch+json", running).statusCode()).isEqualTo(403);
        assertThat(Requests.send("PATCH", cluster.url() + "/api/v1/namespaces/default/pods/on-node-2/status", NODE2,
                "application/merge-patch+json", running).statusCode()).isEqualTo(200);
        assertThat(Requests.send("POST", cluster.url() + "/api/v1/namespaces/default/pods", NODE2, "application/json",
                Requests.pod("node-made", null)).statusCode()).isEqualTo(403);
        assertThat(Requests.get(cluster.url() + "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2", NODE2)
                .body()).contains("on-node-2");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = Requests.pod("big", null).replace("\"labels\":{\"app\":\"gw\"}",
                "\"annotations\":{\"a\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}");
        HttpResponse<String> response = Requests.send("POST", cluster.url() + "/api/v1/namespaces/default/pods", ADMIN,
                "application/json", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"kind\":\"Status\"");
    }

    /** A body sent in chunks declares no length: the gateway counts while it reads and stops at the limit. */
    @Test
    void oversizedBodiesWithoutALengthAre413AndStoreNothing() throws Exception {
        byte[] big = Requests.pod("big-chunked", null).replace("\"labels\":{\"app\":\"gw\"}",
                "\"annotations\":{\"a\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/v1/namespaces/default/pods"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = Requests.CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"reason\":\"RequestEntityTooLarge\"").contains("the limit is");
        assertThat(Requests.get(cluster.url() + "/api/v1/namespaces/default/pods/big-chunked", ADMIN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aUserOverTheRateLimitGets429() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                pending.add(pool.submit(() -> Requests.get(cluster.url() + "/api/v1/namespaces/default/pods", THROTTLED)));
            }
            for (Future<HttpResponse<String>> response : pending) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).extracting(HttpResponse::statusCode).contains(200, 429);
        assertThat(responses).filteredOn(r -> r.statusCode() == 429).first()
                .satisfies(r -> {
                    assertThat(r.body()).contains("\"reason\":\"TooManyRequests\"");
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
                });
        // Other users have their own buckets.
        assertThat(Requests.get(cluster.url() + "/api/v1/namespaces/default/pods", VIEWER).statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsSeeBackendReadinessRouteMetricsAndOneSwaggerUi() {
        HttpResponse<String> health = Requests.get(cluster.url() + "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"backends\"").contains("\"pod-service\":\"UP\"");

        Requests.get(cluster.url() + "/api/v1/namespaces/default/pods", ADMIN);
        assertThat(Requests.get(cluster.url() + "/actuator/prometheus", null).body())
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"pod-service\"");

        assertThat(Requests.get(cluster.url() + "/swagger-ui.html", null).statusCode()).isIn(200, 302);
        HttpResponse<String> docs = Requests.get(cluster.url() + "/docs/pod-service", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }
}
