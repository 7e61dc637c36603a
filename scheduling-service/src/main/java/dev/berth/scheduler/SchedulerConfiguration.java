package dev.berth.scheduler;

import dev.berth.api.leader.Leadership;
import dev.berth.scheduler.binding.AsyncApi;
import dev.berth.scheduler.binding.Binder;
import dev.berth.scheduler.cache.ClusterCache;
import dev.berth.scheduler.framework.Pipeline;
import dev.berth.scheduler.framework.WeightedScore;
import dev.berth.scheduler.loop.ClusterWatcher;
import dev.berth.scheduler.loop.Scheduler;
import dev.berth.scheduler.metrics.SchedulerMetrics;
import dev.berth.scheduler.plugins.BalancedAllocation;
import dev.berth.scheduler.plugins.HostPortsFree;
import dev.berth.scheduler.plugins.LeastAllocated;
import dev.berth.scheduler.plugins.NodeNamePinned;
import dev.berth.scheduler.plugins.NodeReady;
import dev.berth.scheduler.plugins.NodeSelectorMatch;
import dev.berth.scheduler.plugins.ResourcesFit;
import dev.berth.scheduler.plugins.SpreadGroups;
import dev.berth.scheduler.plugins.Spreading;
import dev.berth.scheduler.plugins.TaintsTolerated;
import dev.berth.scheduler.queue.SchedulingQueue;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** The scheduler's parts and the order of its pipeline. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient(SchedulerProperties properties) {
        // Short backoffs (doubled up to 1.6 s): started beside the API, it syncs soon after the API answers.
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl(properties.apiServer())
                .withRequestRetryBackoffInterval(50).withWatchReconnectInterval(50)
                .withMaxConcurrentRequests(Math.max(64, properties.maxBindingsInFlight() * 2))
                .withMaxConcurrentRequestsPerHost(Math.max(64, properties.maxBindingsInFlight() * 2));
        if (!properties.token().isEmpty()) {
            config.withOauthToken(properties.token());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    @Bean
    static Pipeline pipeline(SchedulerProperties properties, SpreadGroups spreadGroups) {
        SchedulerProperties.Weights weights = properties.weights();
        return new Pipeline(List.of(
                // Cheapest and most selective first: most nodes are ruled out by the early, cheap checks.
                new NodeNamePinned(),
                new NodeReady(),
                new NodeSelectorMatch(),
                new TaintsTolerated(),
                new ResourcesFit(),
                new HostPortsFree()),
                List.of(new WeightedScore(new LeastAllocated(), weights.leastAllocated()),
                        new WeightedScore(new BalancedAllocation(), weights.balancedAllocation()),
                        new WeightedScore(new Spreading(spreadGroups), weights.spreading())),
                properties.percentageOfNodesToScore());
    }

    @Bean
    SchedulingQueue schedulingQueue(SchedulerProperties properties) {
        return new SchedulingQueue(properties.initialBackoff(), properties.maxBackoff(),
                properties.unschedulableRetry(), System::nanoTime);
    }

    @Bean
    ClusterCache clusterCache() {
        return new ClusterCache();
    }

    @Bean
    ClusterWatcher clusterWatcher(KubernetesClient client, ClusterCache cache, SchedulingQueue queue,
                                  SchedulerProperties properties) {
        return new ClusterWatcher(client, cache, queue, properties.schedulerName());
    }

    @Bean
    SchedulerMetrics schedulerMetrics(MeterRegistry registry, SchedulingQueue queue) {
        return new SchedulerMetrics(registry, queue);
    }

    @Bean
    Scheduler scheduler(SchedulingQueue queue, ClusterCache cache, Pipeline pipeline, KubernetesClient client,
                        SchedulerMetrics metrics, Leadership leadership, ClusterWatcher watcher,
                        SchedulerProperties properties) {
        return new Scheduler(queue, cache, pipeline, new Binder(new AsyncApi(client), Clock.systemUTC()), metrics,
                leadership, watcher, properties.maxBindingsInFlight());
    }
}
