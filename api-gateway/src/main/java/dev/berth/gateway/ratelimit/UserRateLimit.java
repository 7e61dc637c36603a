package dev.berth.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.berth.gateway.auth.TokenAuthenticationFilter;
import dev.berth.gateway.errors.StatusResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Per-user request rate limit: a token bucket per user in this gateway's memory, as kube-apiserver keeps its
 * request limits per server. An exhausted bucket is a 429 Status with {@code Retry-After}; every answer carries
 * the bucket's {@code X-RateLimit-*} headers. Spring Cloud Gateway's RedisRateLimiter, used before, made a Redis
 * round trip per request: 5–13% of the gateway's CPU per create (bench/compare-gateway.sh, bench/README.md).
 */
@Component
public class UserRateLimit implements GlobalFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, TokenBucket> buckets;
    private final String burstCapacity;
    private final String replenishRate;

    UserRateLimit(RateLimitProperties properties) {
        if (properties.requestsPerSecond() < 1 || properties.burst() < 1) {
            throw new IllegalArgumentException("berth.rate-limit.requests-per-second and berth.rate-limit.burst must "
                    + "be at least 1, not " + properties.requestsPerSecond() + " and " + properties.burst());
        }
        this.properties = properties;
        this.burstCapacity = Integer.toString(properties.burst());
        this.replenishRate = Integer.toString(properties.requestsPerSecond());
        // A bucket left alone this long is full again, so forgetting it changes nothing.
        long refillSeconds = (long) Math.ceil((double) properties.burst() / properties.requestsPerSecond());
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofSeconds(Math.max(1, refillSeconds))).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String user = TokenAuthenticationFilter.of(exchange).map(i -> i.user()).orElse(null);
        if (user == null) {
            return chain.filter(exchange);
        }
        TokenBucket.Take take = take(user);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        describe(take, headers::set);
        if (take.allowed()) {
            return chain.filter(exchange);
        }
        return StatusResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                refusal(user), take.retryAfterSeconds());
    }

    /** Takes one of the user's tokens. */
    public TokenBucket.Take take(String user) {
        long now = System.nanoTime();
        return buckets.get(user, u -> new TokenBucket(properties.requestsPerSecond(), properties.burst(), now))
                .take(now);
    }

    /** The {@code X-RateLimit-*} headers every answer carries. */
    public void describe(TokenBucket.Take take, BiConsumer<String, String> header) {
        header.accept("X-RateLimit-Remaining", Long.toString(take.remaining()));
        header.accept("X-RateLimit-Burst-Capacity", burstCapacity);
        header.accept("X-RateLimit-Replenish-Rate", replenishRate);
    }

    /** The 429's message. */
    public static String refusal(String user) {
        return "too many requests from user \"" + user + "\"; slow down";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
