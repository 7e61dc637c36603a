package dev.berth.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;

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

    /**
     * The limiter's script as read once. Spring Cloud Gateway's own asks its classpath file for a modification
     * time before every call (to reload it), and inside a jar that fails with a FileNotFoundException each
     * time: 2% of the gateway's CPU at 1,000 requests/s (bench/README.md).
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }
}
