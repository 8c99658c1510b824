package io.taskbot.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.taskbot.app.config.TaskbotProperties.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buckets in the PostgreSQL event-store database, which every app node shares: a row per bucket, locked with
 * {@code SELECT ... FOR UPDATE} while a request takes from it. Each row carries the time its bucket will have refilled
 * completely; rows past it are deleted in the background, as they hold nothing a fresh bucket would not.
 */
final class DatabaseBuckets implements RateLimitBuckets, AutoCloseable {

    static final String TABLE = "rate_limit_buckets";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
    private static final int SWEEP_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(DatabaseBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final ScheduledExecutorService sweeper;

    DatabaseBuckets(DataSource dataSource, TimeMeter clock) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::removeRefilled, SWEEP_INTERVAL.toSeconds(), SWEEP_INTERVAL.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Limit limit) {
        return proxies.getProxy(key, () -> RateLimitBuckets.configuration(limit)).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void giveBack(String key, Limit limit) {
        proxies.getProxy(key, () -> RateLimitBuckets.configuration(limit)).addTokens(1);
    }

    private void removeRefilled() {
        try {
            int removed;
            do {
                removed = proxies.removeExpired(SWEEP_BATCH);
            } while (removed == SWEEP_BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not remove refilled rate-limit buckets; trying again in {}", SWEEP_INTERVAL, e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
