package io.taskbot.app.eventstore;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command only when another writer appended to the same aggregate first. Axon's default retries every
 * failure that is not explicitly non-transient, which would repeat commands that broke a business rule.
 */
final class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

    private ConcurrencyRetryScheduler(Builder builder) {
        super(builder);
    }

    static ConcurrencyRetryScheduler create(ScheduledExecutorService executor, int maxRetries, int intervalMillis) {
        Builder builder = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(maxRetries)
                .retryInterval(intervalMillis);
        return new ConcurrencyRetryScheduler(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof ConcurrencyException) {
                return false;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return true;
    }
}
