package dev.berth.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code kubectl logs -f} lasts as long as the pod runs, quiet for as long as the pod is: the gateway's response
 * timeout (here 1 s) does not end it, while it still ends an ordinary answer whose backend goes quiet. The
 * backend is a stand-in that writes a line, is quiet for longer than the timeout, and writes another.
 */
class FollowedLogThroughGatewayTest {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create();
    private static final long QUIET_MILLIS = 2500;

    private static HttpServer backend;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/", FollowedLogThroughGatewayTest::twoLinesApart);
        backend.start();
        gateway = OwnGateway.start(CERTIFICATE, "http://127.0.0.1:" + backend.getAddress().getPort(), "logs",
                "--spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s");
    }

    private static void twoLinesApart(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write("first\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            Thread.sleep(QUIET_MILLIS);
            body.write("second\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gatewayGaveUp) {
            // the ordinary request's case: the gateway closed the connection while the backend was quiet
        }
    }

    @AfterAll
    static void stop() {
        OwnGateway.stop(gateway, backend);
    }

    @Test
    void aFollowedLogOutlastsTheResponseTimeout() throws Exception {
        HttpResponse<String> log = get("/api/v1/namespaces/default/pods/quiet/log?follow=true");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).isEqualTo("first\nsecond\n");
    }

    @Test
    void anOrdinaryAnswerThatGoesQuietIsEndedByIt() {
        Throwable cut = catchThrowable(() -> get("/api/v1/namespaces/default/pods/quiet/log"));
        assertThat(cut).as("a log not followed, quiet for longer than the response timeout").isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(CERTIFICATE.trustingContext()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                        + gateway.getEnvironment().getProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
