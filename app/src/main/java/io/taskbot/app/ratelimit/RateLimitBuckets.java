package io.taskbot.app.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.taskbot.app.config.TaskbotProperties.Limit;

/** Where the buckets live: shared by every node, or in this process only. */
interface RateLimitBuckets {

    /** Takes one request from the bucket under {@code key}, made with {@code limit} if it does not exist yet. */
    ConsumptionProbe tryConsume(String key, Limit limit);

    /** Returns one request to the bucket under {@code key}, never beyond its capacity. */
    void giveBack(String key, Limit limit);

    /**
     * {@code requests} per {@code period}, all given back at once when the period is over: a client learns from
     * {@code Retry-After} when its whole allowance is back, as "N per period" suggests.
     */
    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                        .refillIntervally(limit.requests(), limit.period()))
                .build();
    }
}
