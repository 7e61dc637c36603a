package dev.berth.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls with an optional bearer token. */
final class Requests {

    /** Trusts the test gateway's certificate (pod-service itself is plain HTTP on loopback). */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .sslContext(GatewayCluster.shared().certificate.trustingContext()).build();

    private Requests() {
    }

    static HttpResponse<String> send(String method, String url, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    static String pod(String name, String node) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"gw"}},
                 "spec":{%s"containers":[{"name":"c","image":"busybox:1.36"}]}}"""
                .formatted(name, node == null ? "" : "\"nodeName\":\"" + node + "\",");
    }
}
