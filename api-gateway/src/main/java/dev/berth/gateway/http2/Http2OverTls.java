package dev.berth.gateway.http2;

import dev.berth.gateway.GatewayProperties;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.netty.http.Http2SettingsSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import java.util.Optional;

/**
 * HTTP/2 over TLS, chosen by ALPN, as kubectl and fabric8 ask for it ({@code server.http2.enabled}): one
 * connection carries all of a client's requests at once, where HTTP/1.1 costs a TLS handshake for every request
 * the client has waiting (bench/run-gateway.sh). Spring Boot would also serve HTTP/2 in cleartext (h2c), which
 * kube-apiserver does not: clients that tried its upgrade with a request body got an empty 413, so cleartext
 * stays HTTP/1.1.
 */
@Component
class Http2OverTls implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    private final int maxConcurrentStreams;

    Http2OverTls(GatewayProperties properties) {
        this.maxConcurrentStreams = properties.http2MaxConcurrentStreams();
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        if (Ssl.isEnabled(factory.getSsl())) {
            factory.addServerCustomizers(this::withMaxConcurrentStreams);
        } else {
            factory.addServerCustomizers(server -> server.protocol(HttpProtocol.HTTP11));
        }
    }

    /** Reactor Netty replaces every HTTP/2 setting at each call, so what is set already is carried over. */
    private HttpServer withMaxConcurrentStreams(HttpServer server) {
        Http2SettingsSpec current = server.configuration().http2SettingsSpec();
        return server.http2Settings(settings -> {
            settings.maxConcurrentStreams(maxConcurrentStreams);
            if (current == null) {
                return;
            }
            Optional.ofNullable(current.headerTableSize()).ifPresent(settings::headerTableSize);
            Optional.ofNullable(current.initialWindowSize()).ifPresent(settings::initialWindowSize);
            Optional.ofNullable(current.maxFrameSize()).ifPresent(settings::maxFrameSize);
            Optional.ofNullable(current.maxHeaderListSize()).ifPresent(settings::maxHeaderListSize);
            Optional.ofNullable(current.connectProtocolEnabled()).ifPresent(settings::connectProtocolEnabled);
            if (current.maxDecodedRstFramesPerWindow() != null) {
                settings.maxDecodedRstFramesPerWindow(current.maxDecodedRstFramesPerWindow(),
                        current.maxDecodedRstFramesSecondsPerWindow());
            }
            if (current.maxEncodedRstFramesPerWindow() != null) {
                settings.maxEncodedRstFramesPerWindow(current.maxEncodedRstFramesPerWindow(),
                        current.maxEncodedRstFramesSecondsPerWindow());
            }
        });
    }

    /** After Spring Boot's own customizer, which sets the header list size through the same call. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
