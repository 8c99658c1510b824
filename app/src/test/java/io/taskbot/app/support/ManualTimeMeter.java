package io.taskbot.app.support;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock for the rate limits that only moves when a test says so: time windows without sleeping. */
public final class ManualTimeMeter implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    /** It starts at the wall-clock time, as the stored buckets of the PostgreSQL backend expect. */
    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
