package dev.berth.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.berth.api.validation.HostAccessPolicy;

import java.time.Duration;

/**
 * @param maxRequestBytes  larger request bodies are refused with 413 (Kubernetes allows 3 MiB)
 * @param minWatchTimeout  a watch without timeoutSeconds lasts between this and twice this (spread so that
 *                         clients don't all reconnect at once)
 * @param bookmarkInterval how often watchers that asked for bookmarks get one
 * @param watchQueue       events buffered per watcher; a watcher further behind is closed and must re-list
 * @param gatewaySecret    when set, API requests must carry it in {@code X-Berth-Gateway-Secret}: only the
 *                         api-gateway (which authenticates and authorizes) may call this server
 * @param allowPrivileged  whether pods (and pod templates) may be privileged or use the node's network, PID or
 *                         IPC namespace or its files (hostPath); off by default, see {@code HostAccessPolicy}
 */
@ConfigurationProperties("berth.api")
public record ApiProperties(long maxRequestBytes, Duration minWatchTimeout, Duration bookmarkInterval, int watchQueue,
                            String gatewaySecret, boolean allowPrivileged) {

    public ApiProperties {
        maxRequestBytes = maxRequestBytes <= 0 ? 3 * 1024 * 1024 : maxRequestBytes;
        minWatchTimeout = minWatchTimeout == null ? Duration.ofMinutes(30) : minWatchTimeout;
        bookmarkInterval = bookmarkInterval == null ? Duration.ofSeconds(60) : bookmarkInterval;
        watchQueue = watchQueue <= 0 ? 50_000 : watchQueue;
    }

    public HostAccessPolicy hostAccess() {
        return new HostAccessPolicy(allowPrivileged);
    }
}
