package dev.berth.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The per-user token bucket: {@code berth.rate-limit.requests-per-second} refill, {@code burst} capacity. */
@ConfigurationProperties("berth.rate-limit")
record RateLimitProperties(int requestsPerSecond, int burst) {
}
