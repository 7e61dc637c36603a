package dev.berth.scheduler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.concurrent.CompletableFuture;

/**
 * The scheduler's writes, sent without blocking a thread: fabric8's DSL has no {@code pods/binding} call, and
 * thousands of bindings a second should not each hold a thread. Goes through the client's HTTP stack, so
 * its token and TLS settings apply.
 */
public final class AsyncApi {

    private final HttpClient http;
    private final String base;
    private final KubernetesSerialization serialization;

    public AsyncApi(KubernetesClient client) {
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.serialization = client.getKubernetesSerialization();
    }

    /** @return the HTTP status; the future fails only when there is no answer */
    public CompletableFuture<Integer> post(String path, Object body) {
        return send("POST", "application/json", path, body);
    }

    public CompletableFuture<Integer> patch(String path, String contentType, Object body) {
        return send("PATCH", contentType, path, body);
    }

    private CompletableFuture<Integer> send(String method, String contentType, String path, Object body) {
        var request = http.newHttpRequestBuilder().uri(base + path)
                .method(method, contentType, serialization.asJson(body)).build();
        return http.sendAsync(request, String.class).thenApply(HttpResponse::code);
    }
}
