package io.taskbot.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.taskbot.app.config.TaskbotProperties.Limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this process's memory, for the embedded single-node run. A bucket that has refilled completely is the
 * same as no bucket, so such buckets are dropped now and then: memory is bounded by the clients seen within one
 * period, not by every client ever seen.
 */
final class LocalBuckets implements RateLimitBuckets {

    private static final long SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, LocalBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong consumptions = new AtomicLong();
    private final TimeMeter clock;

    LocalBuckets(TimeMeter clock) {
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Limit limit) {
        ConsumptionProbe[] probe = new ConsumptionProbe[1];
        // inside compute, so that a sweep never drops a bucket between its lookup and its use
        buckets.compute(key, (ignored, bucket) -> {
            LocalBucket current = bucket != null ? bucket : Bucket.builder()
                    .addLimit(RateLimitBuckets.configuration(limit).getBandwidths()[0])
                    .withCustomTimePrecision(clock)
                    .build();
            probe[0] = current.tryConsumeAndReturnRemaining(1);
            return current;
        });
        if (consumptions.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        return probe[0];
    }

    @Override
    public void giveBack(String key, Limit limit) {
        buckets.computeIfPresent(key, (ignored, bucket) -> {
            bucket.addTokens(1);
            return bucket;
        });
    }

    void sweep() {
        buckets.keySet().forEach(key -> buckets.computeIfPresent(key, (ignored, bucket) ->
                bucket.getAvailableTokens() >= bucket.getConfiguration().getBandwidths()[0].getCapacity()
                        ? null : bucket));
    }

    int size() {
        return buckets.size();
    }
}
