package dev.berth.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsItsBurstThenRefusesUntilItRefills() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 2, 0));
        assertThat(bucket.take(0).remaining()).isEqualTo(1);
        assertThat(bucket.take(0).remaining()).isZero();
        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(false, 0, 1));

        // Two tokens a second: half a second later there is one again, and only one.
        assertThat(bucket.take(SECOND / 2).allowed()).isTrue();
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
    }

    @Test
    void refillsNoFurtherThanTheBurstAfterAQuietSpell() {
        TokenBucket bucket = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(3600 * SECOND).remaining()).isEqualTo(4);
    }

    @Test
    void aSlowBucketTellsTheClientHowLongToWait() {
        TokenBucket bucket = new TokenBucket(0.25, 1, 0);
        bucket.take(0);

        // One token every 4 s, and 1 s of it has passed.
        assertThat(bucket.take(SECOND)).isEqualTo(new TokenBucket.Take(false, 0, 3));
    }
}
