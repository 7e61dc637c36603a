package dev.berth.gateway.errors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where an open circuit breaker sends requests: a fast 503 Status instead of a hang. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        return StatusResponses.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                service + " is unavailable; try again shortly");
    }
}
