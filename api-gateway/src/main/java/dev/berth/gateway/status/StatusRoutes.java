package dev.berth.gateway.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The live status page: {@code /status} is a static page (plain JavaScript, under {@code static/status/})
 * that reads nodes, pods and events from the API with the user's own token, and component health from
 * {@code /status/components}, which needs none (it tells no more than {@code /actuator/health}).
 */
@Configuration(proxyBeanMethods = false)
class StatusRoutes {

    private static final ClassPathResource PAGE = new ClassPathResource("static/status/index.html");

    @Bean
    RouterFunction<ServerResponse> statusPage(ComponentProbes probes) {
        return route(GET("/status"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache()).bodyValue(PAGE))
                .andRoute(GET("/status/components"), request -> probes.probe()
                        .flatMap(components -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noStore()).bodyValue(components)));
    }
}
