package dev.berth.gateway.watch;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** What makes a request a watch: {@code watch=true} or {@code watch=1}, as the API servers read it. */
final class WatchRequests {

    private WatchRequests() {
    }

    static boolean isWatch(ServerHttpRequest request) {
        String watch = request.getQueryParams().getFirst("watch");
        return "true".equals(watch) || "1".equals(watch);
    }
}
