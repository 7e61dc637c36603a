package dev.berth.gateway.proxy;

import dev.berth.gateway.auth.Authenticator;
import dev.berth.gateway.auth.Identity;
import dev.berth.gateway.auth.IdentityHeaders;
import dev.berth.gateway.authz.Authorization;
import dev.berth.gateway.authz.RequestAttributes;
import dev.berth.gateway.errors.BackendFailures;
import dev.berth.gateway.errors.StatusResponses;
import dev.berth.gateway.ratelimit.TokenBucket;
import dev.berth.gateway.ratelimit.UserRateLimit;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Serves API requests on Reactor Netty itself: authenticate, authorize, rate-limit, then pass the request to an
 * instance of its backend and stream the answer back, inside the backend's circuit breaker and bulkhead, with
 * GETs retried, and every refusal a Kubernetes Status. These are the steps Spring Cloud Gateway's filters take
 * (the same components decide), without its exchange, route lookup and filter chain around each request: that
 * machinery cost the gateway 0.5 ms of CPU per create at 2,000/s against 0.2 ms for a bare proxy
 * (bench/README.md).
 */
final class ApiProxy implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    /** As the routes' Retry filter: a GET is tried up to twice more on these answers or on an I/O failure. */
    private static final int GET_RETRIES = 2;
    private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503);
    private static final long WHOLE_ANSWER_BYTES = 1024 * 1024;

    private final Authenticator authenticator;
    private final Authorization authorization;
    private final UserRateLimit rateLimit;
    private final IdentityHeaders identityHeaders;
    private final BackendFailures failures;
    private final BackendInstances instances;
    private final ReactiveCircuitBreakerFactory<?, ?> breakerFactory;
    private final Map<String, ReactiveCircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final HttpClient longRunningClient;
    private final ProxyMetrics metrics;
    private final long maxRequestBytes;

    ApiProxy(Authenticator authenticator, Authorization authorization, UserRateLimit rateLimit,
             IdentityHeaders identityHeaders, BackendFailures failures, BackendInstances instances,
             ReactiveCircuitBreakerFactory<?, ?> breakerFactory, HttpClient client, HttpClient longRunningClient,
             ProxyMetrics metrics, long maxRequestBytes) {
        this.authenticator = authenticator;
        this.authorization = authorization;
        this.rateLimit = rateLimit;
        this.identityHeaders = identityHeaders;
        this.failures = failures;
        this.instances = instances;
        this.breakerFactory = breakerFactory;
        this.client = client;
        this.longRunningClient = longRunningClient;
        this.metrics = metrics;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        long length = declaredLength(request.requestHeaders());
        if (length > maxRequestBytes) {
            return tooLarge(response, length);
        }
        Identity identity = authenticator.identify(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))
                .orElse(null);
        if (identity == null) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "Unauthorized", Authenticator.UNAUTHORIZED, null);
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        // Watches are not proxied here (ApiRoutes), so no request here is one.
        RequestAttributes attributes = RequestAttributes.of(request.method().name(), path, null);
        return authorization.refusal(identity, attributes)
                .flatMap(message -> refuse(response, HttpStatus.FORBIDDEN, "Forbidden", message, null)
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> limited(request, response, identity, path).thenReturn(true)))
                .then();
    }

    private Mono<Void> limited(HttpServerRequest request, HttpServerResponse response, Identity identity,
                               String path) {
        TokenBucket.Take take = rateLimit.take(identity.user());
        rateLimit.describe(take, response.responseHeaders()::set);
        if (!take.allowed()) {
            return refuse(response, HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    UserRateLimit.refusal(identity.user()), take.retryAfterSeconds());
        }
        long started = System.nanoTime();
        String backend = ApiRoutes.backendOf(path);
        HttpHeaders forwarded = new DefaultHttpHeaders();
        ProxyHeaders.copyRequest(request.requestHeaders(), forwarded);
        identityHeaders.addTo(identity, forwarded::add);
        return body(request)
                .flatMap(body -> breakers.computeIfAbsent(backend, breakerFactory::create).run(
                        Mono.defer(() -> attempt(backend, request, response, forwarded, body, 0)),
                        failure -> fallback(backend, response, failure)))
                .onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(response, tooLarge.bytes))
                .doFinally(signal -> metrics.record(backend, request.method(), response.status().code(), started));
    }

    /**
     * The request's body, copied out of Netty's buffers: HTTP/2 buffers handed on to the backend connection were
     * released once too often under load in Reactor Netty 1.3 (see Http2RequestBodies), and a GET may be sent
     * again. Bodies are at most a few MB; one longer than the limit without a declared length fails here.
     */
    private Mono<byte[]> body(HttpServerRequest request) {
        return request.receive()
                .collect(ByteArrayOutputStream::new, (out, buffer) -> {
                    if (out.size() + buffer.readableBytes() > maxRequestBytes) {
                        throw new BodyTooLarge(out.size() + buffer.readableBytes());
                    }
                    byte[] bytes = ByteBufUtil.getBytes(buffer);
                    out.write(bytes, 0, bytes.length);
                })
                .map(ByteArrayOutputStream::toByteArray);
    }

    private Mono<Void> attempt(String backend, HttpServerRequest request, HttpServerResponse response,
                               HttpHeaders forwarded, byte[] body, int retried) {
        boolean retry = request.method() == HttpMethod.GET && retried < GET_RETRIES;
        HttpClient caller = ApiRoutes.longRunning(request) ? longRunningClient : client;
        return instances.choose(backend)
                .flatMap(base -> caller.headers(headers -> headers.set(forwarded))
                        .request(request.method())
                        .uri(base + request.uri())
                        .send((out, outbound) -> body.length == 0 && !carriesBody(request.method()) ? outbound
                                : outbound.sendByteArray(Mono.just(body)))
                        .response((answer, content) -> retry && RETRIED_STATUSES.contains(answer.status().code())
                                ? content.then(Mono.just(false))
                                : relay(answer, content, response).thenReturn(true))
                        .next())
                .onErrorResume(failure -> retry && failure instanceof IOException && !response.hasSentHeaders()
                        ? Mono.just(false) : Mono.error(failure))
                .flatMap(answered -> answered ? Mono.empty()
                        : attempt(backend, request, response, forwarded, body, retried + 1));
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /**
     * An answer of a declared length up to {@link #WHOLE_ANSWER_BYTES} is sent in one write, headers and body
     * together; longer or open-ended ones (large lists, a followed log) are streamed as they arrive.
     */
    private static Mono<Void> relay(HttpClientResponse answer, ByteBufFlux content, HttpServerResponse response) {
        response.status(answer.status());
        ProxyHeaders.copyResponse(answer.responseHeaders(), response.responseHeaders());
        long length = declaredLength(answer.responseHeaders());
        return (length >= 0 && length <= WHOLE_ANSWER_BYTES ? response.send(content.aggregate().retain())
                : response.send(content.retain())).then();
    }

    private Mono<Void> fallback(String backend, HttpServerResponse response, Throwable failure) {
        if (response.hasSentHeaders()) {
            return Mono.error(failure);   // the answer is on its way: nothing to do but drop the stream
        }
        BackendFailures.Refusal refusal = failures.refusal(backend, failure);
        return refuse(response, refusal.status(), refusal.reason(), refusal.message(),
                BackendFailures.RETRY_AFTER_SECONDS);
    }

    private Mono<Void> tooLarge(HttpServerResponse response, long bytes) {
        return refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "RequestEntityTooLarge",
                "the request body is " + bytes + " bytes; the limit is " + maxRequestBytes, null);
    }

    /** The declared {@code Content-Length}, or -1 without one. */
    private static long declaredLength(HttpHeaders headers) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;   // Netty refuses such a message before it gets here
        }
    }

    /** Sent from another thread, for the reason StatusResponses gives (reactor/reactor-netty#4361). */
    private static Mono<Void> refuse(HttpServerResponse response, HttpStatus status, String reason, String message,
                                     Integer retryAfterSeconds) {
        response.status(HttpResponseStatus.valueOf(status.value()))
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (retryAfterSeconds != null) {
            response.header(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds.toString());
        }
        byte[] json = StatusResponses.json(status.value(), reason, message, retryAfterSeconds)
                .getBytes(StandardCharsets.UTF_8);
        return response.sendByteArray(Mono.just(json)).then().subscribeOn(Schedulers.parallel());
    }

    /** A body without a declared length that grew past the limit while it was read. */
    private static final class BodyTooLarge extends RuntimeException {

        private final long bytes;

        BodyTooLarge(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }
}
