package dev.berth.gateway.ratelimit;

import dev.berth.gateway.auth.TokenAuthenticationFilter;
import dev.berth.gateway.errors.StatusResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Per-user request rate limit with Spring Cloud Gateway's Redis token bucket, shared by every gateway
 * instance; an exhausted bucket is a 429 Status with the limiter's {@code X-RateLimit-*} headers.
 */
@Component
class UserRateLimit implements GlobalFilter, Ordered {

    private final RedisRateLimiter limiter;

    UserRateLimit(RedisRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String user = TokenAuthenticationFilter.of(exchange).map(i -> i.user()).orElse(null);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (user == null || route == null) {
            return chain.filter(exchange);
        }
        return limiter.isAllowed(route.getId(), user).flatMap(response -> {
            response.getHeaders().forEach(exchange.getResponse().getHeaders()::add);
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            return StatusResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "too many requests from user \"" + user + "\"; slow down");
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
