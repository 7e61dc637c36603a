package dev.berth.gateway.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs each backend breaker's state changes, with the failure rate that opened it: while it is open every call
 * to that backend is answered 503 at once, and an operator needs to see when and why that began and ended.
 */
@Component
class BreakerTransitions {

    private static final Logger log = LoggerFactory.getLogger(BreakerTransitions.class);

    BreakerTransitions(CircuitBreakerRegistry breakers) {
        breakers.getAllCircuitBreakers().forEach(BreakerTransitions::logTransitions);
        breakers.getEventPublisher().onEntryAdded(added -> logTransitions(added.getAddedEntry()));
    }

    private static void logTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                // The calls that opened it; the metrics start again with every other state.
                CircuitBreaker.Metrics metrics = breaker.getMetrics();
                log.warn("circuit breaker {}: {} (failure rate {}% of the last {} calls, {} slow)",
                        event.getCircuitBreakerName(), event.getStateTransition(), metrics.getFailureRate(),
                        metrics.getNumberOfBufferedCalls(), metrics.getNumberOfSlowCalls());
            } else {
                log.warn("circuit breaker {}: {}", event.getCircuitBreakerName(), event.getStateTransition());
            }
        });
    }
}
