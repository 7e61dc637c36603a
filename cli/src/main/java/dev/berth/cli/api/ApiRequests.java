package dev.berth.cli.api;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Requests the typed fabric8 DSL has no words for: server-side Tables (what kubectl prints), the v1beta1
 * paths, and watches read frame by frame. They go through the client's own HTTP client, so TLS and the
 * kubeconfig's token apply.
 */
public final class ApiRequests {

    /** kubectl's Accept for printing: a Table if the server can, else the object. */
    public static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KubernetesClient client;
    private final HttpClient http;

    public ApiRequests(KubernetesClient client) {
        this.client = client;
        this.http = client.getHttpClient();
    }

    public static JsonMapper json() {
        return JSON;
    }

    public JsonNode get(String path, String accept) {
        return JSON.readTree(send(request(path).header("Accept", accept).build()));
    }

    public JsonNode post(String path, String body) {
        return JSON.readTree(send(request(path).post("application/json", body).build()));
    }

    /** Reads a watch's frames until the server ends it or {@code onFrame} throws. */
    public void watch(String path, String accept, Consumer<JsonNode> onFrame) {
        HttpResponse<InputStream> response = await(http.sendAsync(request(path).header("Accept", accept).build(),
                InputStream.class));
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (!response.isSuccessful()) {
                throw failure(response.code(), lines.lines().reduce("", String::concat));
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    onFrame.accept(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        return http.newHttpRequestBuilder().uri(URI.create(base + path));
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response = await(http.sendAsync(request, String.class));
        if (!response.isSuccessful()) {
            throw failure(response.code(), response.body());
        }
        return response.body();
    }

    private static KubernetesClientException failure(int code, String body) {
        Status status;
        try {
            status = JSON.readValue(body, Status.class);
        } catch (RuntimeException notStatus) {
            status = null;
        }
        if (status == null || status.getMessage() == null) {
            status = new StatusBuilder().withCode(code).withMessage(body == null || body.isBlank() ? "HTTP " + code : body)
                    .build();
        }
        return new KubernetesClientException(status);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException e) {
            throw new KubernetesClientException("cannot reach the API server: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
