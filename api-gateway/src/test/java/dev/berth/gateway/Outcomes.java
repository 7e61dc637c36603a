package dev.berth.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asynchronous answers counted by "code over protocol", or by the exception a request failed with. */
final class Outcomes {

    private Outcomes() {
    }

    static Map<String, Integer> of(List<CompletableFuture<HttpResponse<String>>> answers)
            throws InterruptedException, TimeoutException {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            String outcome;
            try {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                outcome = response.statusCode() + " over " + response.version();
            } catch (ExecutionException e) {
                outcome = e.getCause().toString();
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }
}
