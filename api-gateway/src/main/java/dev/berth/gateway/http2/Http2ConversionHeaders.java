package dev.berth.gateway.http2;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Netty marks an HTTP/2 request it turns into HTTP/1.1 objects with headers of its own ({@code x-http2-scheme},
 * {@code x-http2-stream-id}); they describe the client's connection to the gateway and are not passed on.
 */
@Component
class Http2ConversionHeaders implements HttpHeadersFilter {

    private static final String PREFIX = "x-http2-";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.headerNames().stream().noneMatch(Http2ConversionHeaders::isConversionHeader)) {
            return input;
        }
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isConversionHeader(name)) {
                filtered.addAll(name, values);
            }
        });
        return filtered;
    }

    private static boolean isConversionHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
