package dev.berth.scheduler;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param apiServer                the API's URL (the gateway's, in a cluster)
 * @param token                    bearer token for the API; empty for none
 * @param schedulerName            pods whose {@code spec.schedulerName} is another are left alone
 * @param weights                  score weights; 0 turns a score off
 * @param initialBackoff           first back-off of a pod that did not fit; doubles per attempt
 * @param maxBackoff               the back-off's cap
 * @param unschedulableRetry       an unschedulable pod is retried after this even if nothing changed
 * @param percentageOfNodesToScore share of nodes examined per pod on large clusters (≥ 100 nodes); 0 adapts
 *                                 as kube-scheduler does (50% falling to 5% at 5,625 nodes)
 * @param maxBindingsInFlight      bindings awaiting the API's answer at once; the loop waits beyond that
 * @param throughputLogInterval    how often the bound-pods rate is logged
 */
@ConfigurationProperties("berth.scheduler")
public record SchedulerProperties(@DefaultValue("http://127.0.0.1:8081") String apiServer,
                                  @DefaultValue("") String token,
                                  @DefaultValue("default-scheduler") String schedulerName,
                                  @DefaultValue Weights weights,
                                  @DefaultValue("1s") Duration initialBackoff,
                                  @DefaultValue("10s") Duration maxBackoff,
                                  @DefaultValue("60s") Duration unschedulableRetry,
                                  @DefaultValue("0") int percentageOfNodesToScore,
                                  @DefaultValue("64") int maxBindingsInFlight,
                                  @DefaultValue("10s") Duration throughputLogInterval) {

    public record Weights(@DefaultValue("1") int leastAllocated,
                          @DefaultValue("1") int balancedAllocation,
                          @DefaultValue("2") int spreading) {
    }
}
