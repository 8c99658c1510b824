package io.taskbot.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.taskbot.app.config.TaskbotProperties.Limit;
import io.taskbot.app.support.ManualTimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBucketsTest {

    private static final Limit FIVE_PER_FIFTEEN_MINUTES = Limit.valueOf("5/15m");

    private final ManualTimeMeter clock = new ManualTimeMeter();
    private final LocalBuckets buckets = new LocalBuckets(clock);

    @Test
    void allowsTheLimitThenRefusesUntilThePeriodIsOver() {
        for (int i = 4; i >= 0; i--) {
            ConsumptionProbe probe = buckets.tryConsume("a", FIVE_PER_FIFTEEN_MINUTES);
            assertThat(probe.isConsumed()).isTrue();
            assertThat(probe.getRemainingTokens()).isEqualTo(i);
        }
        ConsumptionProbe refused = buckets.tryConsume("a", FIVE_PER_FIFTEEN_MINUTES);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofMinutes(15));
        assertThat(buckets.tryConsume("b", FIVE_PER_FIFTEEN_MINUTES).isConsumed()).as("keys count apart").isTrue();

        clock.advance(Duration.ofMinutes(14));
        assertThat(buckets.tryConsume("a", FIVE_PER_FIFTEEN_MINUTES).isConsumed()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        ConsumptionProbe refilled = buckets.tryConsume("a", FIVE_PER_FIFTEEN_MINUTES);
        assertThat(refilled.isConsumed()).isTrue();
        assertThat(refilled.getRemainingTokens()).as("the whole allowance is back at once").isEqualTo(4);
    }

    @Test
    void sweepingDropsOnlyRefilledBuckets() {
        buckets.tryConsume("old", FIVE_PER_FIFTEEN_MINUTES);
        clock.advance(Duration.ofMinutes(15));
        buckets.tryConsume("recent", FIVE_PER_FIFTEEN_MINUTES);

        buckets.sweep();

        assertThat(buckets.size()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.tryConsume("recent", FIVE_PER_FIFTEEN_MINUTES).isConsumed()).isTrue();
        }
        assertThat(buckets.tryConsume("recent", FIVE_PER_FIFTEEN_MINUTES).isConsumed())
                .as("the recent bucket kept its count").isFalse();
    }
}
