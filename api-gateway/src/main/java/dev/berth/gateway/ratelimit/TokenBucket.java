package dev.berth.gateway.ratelimit;

/**
 * One user's token bucket: it holds up to {@code capacity} tokens, refills at {@code perSecond}, and every request
 * takes one. Times are {@link System#nanoTime()} readings, passed in so that the arithmetic can be tested.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double capacity, long now) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token at {@code now}: what the bucket says to one request. */
    synchronized Take take(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
        refilledAt = now;
        if (tokens < 1) {
            return new Take(false, 0, (int) Math.max(1, Math.ceil((1 - tokens) / perSecond)));
        }
        tokens -= 1;
        return new Take(true, (long) tokens, 0);
    }

    /**
     * @param remaining         whole tokens left after this request
     * @param retryAfterSeconds when refused, the seconds until the next token (at least 1, as {@code Retry-After})
     */
    public record Take(boolean allowed, long remaining, int retryAfterSeconds) {
    }
}
