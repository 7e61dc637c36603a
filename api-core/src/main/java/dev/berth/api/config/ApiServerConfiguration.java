package dev.berth.api.config;

import dev.berth.api.patch.Patcher;
import dev.berth.api.registry.Registry;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.storage.ObjectCodec;
import dev.berth.api.storage.Storage;
import dev.berth.api.storage.redis.RedisStorage;
import dev.berth.api.storage.redis.RedisStorageProperties;
import dev.berth.api.web.ApiProperties;
import dev.berth.api.web.ApiResources;
import dev.berth.api.web.DiscoveryController;
import dev.berth.api.web.ObjectReader;
import dev.berth.api.web.RequestBodies;
import dev.berth.api.web.RequestMetricsFilter;
import dev.berth.api.web.ObjectPathHandlerMapping;
import dev.berth.api.web.ResourceController;
import dev.berth.api.web.Responses;
import dev.berth.api.web.StatusErrorController;
import dev.berth.api.web.StatusErrorReportValve;
import dev.berth.api.web.StatusExceptionHandler;
import dev.berth.api.web.WatchFrames;
import dev.berth.api.web.Watches;
import dev.berth.api.web.GatewayOnlyFilter;
import dev.berth.api.web.ListPages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import dev.berth.api.resource.PeerResources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wires an API server from the {@link ResourceStrategy} beans an application declares: one registry per
 * strategy, the Redis storage they share, and the REST, discovery and OpenAPI endpoints.
 */
// Before Boot's error handling, which then sees StatusErrorController and does not add its own.
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties({RedisStorageProperties.class, ApiProperties.class})
@Import({ResourceController.class, DiscoveryController.class, StatusExceptionHandler.class, StatusErrorController.class,
        OpenApiController.class})
public class ApiServerConfiguration {

    /** The API's own mapper, independent of whatever the application configures for itself. */
    @Bean
    @Primary
    JsonMapper apiJsonMapper() {
        // A null list or map reads as an empty one, and null items are dropped, as Go's decoder leaves a nil
        // slice for null: "containers": null is "no containers" (a 422), never a NullPointerException.
        JsonSetter.Value emptyForNull = JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.SKIP);
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withConfigOverride(List.class, o -> o.setNullHandling(emptyForNull))
                .withConfigOverride(Map.class, o -> o.setNullHandling(emptyForNull))
                .addModule(new BlackbirdModule())
                .build();
    }

    @Bean
    Clock apiClock() {
        return Clock.systemUTC();
    }

    @Bean
    ObjectCodec objectCodec(JsonMapper apiJsonMapper) {
        return new ObjectCodec(apiJsonMapper);
    }

    @Bean(destroyMethod = "close")
    RedisStorage storage(StringRedisTemplate redis, ObjectCodec objectCodec, RedisStorageProperties properties,
                         List<ResourceStrategy<?>> strategies) {
        Map<String, Class<? extends HasMetadata>> types = strategies.stream().collect(Collectors.toMap(
                s -> s.definition().plural(), s -> s.definition().type(), (a, b) -> a));
        return new RedisStorage(redis, objectCodec, properties, plural -> {
            Class<? extends HasMetadata> type = types.get(plural);
            return type != null ? type : io.fabric8.kubernetes.api.model.GenericKubernetesResource.class;
        });
    }

    /** The objects each resource's cache holds ({@code berth.api.cache.objects}): what the heap must hold. */
    @Bean
    MeterBinder cachedObjectsGauges(RedisStorage storage, List<ResourceStrategy<?>> strategies) {
        return meters -> strategies.stream().map(s -> s.definition().plural()).distinct().forEach(plural ->
                Gauge.builder("berth.api.cache.objects", storage, cache -> cache.cachedObjects(plural))
                        .description("objects of the resource held in this server's cache")
                        .tag("resource", plural)
                        .register(meters));
    }

    /** None unless the application lists resources a peer server serves (see {@link PeerResources}). */
    @Bean
    @ConditionalOnMissingBean
    PeerResources peerResources() {
        return PeerResources.NONE;
    }

    @Bean
    Patcher patcher() {
        return new Patcher();
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ApiResources apiResources(List<ResourceStrategy<?>> strategies, Storage storage, ObjectCodec objectCodec,
                              Patcher patcher, Clock apiClock) {
        List<Registry<?>> registries = strategies.stream()
                .<Registry<?>>map(s -> new Registry(s, storage, objectCodec, patcher, apiClock))
                .toList();
        return new ApiResources(registries);
    }

    @Bean
    RequestBodies requestBodies(ApiProperties properties, JsonMapper apiJsonMapper) {
        return new RequestBodies(properties.maxRequestBytes(), apiJsonMapper);
    }

    @Bean
    ObjectReader objectReader(RequestBodies bodies, JsonMapper apiJsonMapper) {
        return new ObjectReader(bodies, apiJsonMapper);
    }

    @Bean
    Responses responses(JsonMapper apiJsonMapper, Clock apiClock) {
        return new Responses(apiJsonMapper, apiClock);
    }

    @Bean
    ListPages listPages(JsonMapper apiJsonMapper, Clock apiClock) {
        return new ListPages(apiJsonMapper, apiClock);
    }

    @Bean(destroyMethod = "close")
    Watches watches(ApiProperties properties, JsonMapper apiJsonMapper, Clock apiClock, MeterRegistry meters) {
        return new Watches(properties, new WatchFrames(apiJsonMapper, apiClock), meters);
    }

    @Bean
    @ConditionalOnExpression("!'${berth.api.gateway-secret:}'.isEmpty()")
    GatewayOnlyFilter gatewayOnlyFilter(ApiProperties properties, JsonMapper apiJsonMapper) {
        return new GatewayOnlyFilter(properties.gatewaySecret(), apiJsonMapper);
    }

    /**
     * API requests are timed once, by {@link RequestMetricsFilter} (verb, resource, code); Spring's generic
     * {@code http.server.requests} observation would time them again at a cost per request that showed in
     * profiles. It stays on for everything else (Actuator, OpenAPI, Swagger UI).
     */
    @Bean
    ObservationPredicate apiRequestsObservedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/api/"));
    }

    @Bean
    TomcatContextCustomizer statusErrorReports() {
        return StatusErrorReportValve.installer();
    }

    @Bean
    ObjectPathHandlerMapping objectPathHandlerMapping(ResourceController controller, ApiResources resources) {
        return new ObjectPathHandlerMapping(controller, resources);
    }

    @Bean
    RequestMetricsFilter requestMetricsFilter(MeterRegistry meters, ApiResources resources) {
        return new RequestMetricsFilter(meters, resources);
    }
}
