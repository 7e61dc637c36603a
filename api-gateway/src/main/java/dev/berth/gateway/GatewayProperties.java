package dev.berth.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.List;

/**
 * @param tokenFile      CSV of bearer tokens: {@code token,user,uid,"group1,group2"}
 * @param backendSecret  sent to backends in {@code X-Berth-Gateway-Secret}; they trust identity headers only with it
 * @param maxRequestSize larger bodies are refused with 413 before they reach a backend
 * @param backends       service ids whose readiness the gateway's health reports
 * @param publicPaths    path prefixes served without a token (health, docs)
 * @param http2MaxConcurrentStreams requests one HTTP/2 connection may have in flight at once
 */
@ConfigurationProperties("berth.gateway")
public record GatewayProperties(Path tokenFile, String backendSecret, DataSize maxRequestSize, List<String> backends,
                                List<String> publicPaths, int http2MaxConcurrentStreams) {
}
