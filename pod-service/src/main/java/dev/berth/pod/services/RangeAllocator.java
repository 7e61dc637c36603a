package dev.berth.pod.services;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out distinct values from {@code [first, first + size)} using a Redis set as the record of what is
 * taken, so every API server instance shares one pool. SADD is the compare-and-set: only one caller gets 1.
 */
final class RangeAllocator {

    private final StringRedisTemplate redis;
    private final String key;
    private final long first;
    private final long size;

    RangeAllocator(StringRedisTemplate redis, String key, long first, long size) {
        this.redis = redis;
        this.key = key;
        this.first = first;
        this.size = size;
    }

    /** A free value, or -1 if the range is full. Starts at a random point so allocations rarely collide. */
    long allocateAny() {
        long start = ThreadLocalRandom.current().nextLong(size);
        for (long i = 0; i < size; i++) {
            long value = first + (start + i) % size;
            if (allocate(value)) {
                return value;
            }
        }
        return -1;
    }

    boolean contains(long value) {
        return value >= first && value < first + size;
    }

    /** Takes a specific value; false if someone holds it. */
    boolean allocate(long value) {
        Long added = redis.opsForSet().add(key, Long.toString(value));
        return added != null && added == 1;
    }

    void release(long value) {
        redis.opsForSet().remove(key, Long.toString(value));
    }
}
