package dev.berth.api.storage.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyPrefix     prefix (with hash tag) of every key, so several clusters or tests can share a Redis
 * @param history       events kept in the stream; a watch from an older revision gets 410 Gone
 * @param watchCache    events kept in memory to start new watches without reading Redis
 * @param readBatch     events read from the stream per round trip
 */
@ConfigurationProperties("berth.storage")
public record RedisStorageProperties(String keyPrefix, long history, int watchCache, int readBatch) {

    public RedisStorageProperties {
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "{berth}" : keyPrefix;
        history = history <= 0 ? 100_000 : history;
        watchCache = watchCache <= 0 ? 10_000 : watchCache;
        readBatch = readBatch <= 0 ? 1_000 : readBatch;
    }
}
