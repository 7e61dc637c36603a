package dev.berth.gateway.errors;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where the circuit breaker of a route Spring Cloud Gateway serves sends a call that did not get an answer. */
@RestController
class FallbackController {

    private final BackendFailures failures;

    FallbackController(BackendFailures failures) {
        this.failures = failures;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        BackendFailures.Refusal refusal = failures.refusal(service,
                exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR));
        return StatusResponses.write(exchange.getResponse(), refusal.status(), refusal.reason(), refusal.message(),
                BackendFailures.RETRY_AFTER_SECONDS);
    }
}
