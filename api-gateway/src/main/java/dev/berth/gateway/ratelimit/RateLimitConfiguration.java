package dev.berth.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-user token bucket: {@code berth.rate-limit.requests-per-second} refill, {@code burst} capacity. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @ConfigurationProperties("berth.rate-limit")
    record RateLimitProperties(int requestsPerSecond, int burst) {
    }

    @Bean
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties.requestsPerSecond(), properties.burst());
    }
}
