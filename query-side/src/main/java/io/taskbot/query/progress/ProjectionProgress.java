package io.taskbot.query.progress;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * How far one read model has got, per aggregate. Its projection reports each version it has written; a query that
 * must reflect a client's own write waits here until the read model holds that version. A report wakes waiters on
 * this node at once; waiters also look at the stored version every {@link #LOOK_AGAIN}, which covers versions that
 * another node's processor wrote. Waiting happens on the reader's own thread, and nothing is ever interrupted.
 */
public final class ProjectionProgress {

    static final Duration LOOK_AGAIN = Duration.ofMillis(50);

    private record Waiter(long version, CompletableFuture<Void> reached) {
    }

    private final Map<String, Queue<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Duration timeout;

    public ProjectionProgress(Duration timeout) {
        this.timeout = timeout;
    }

    /** Called by the projection once the read model holds {@code version} of the aggregate. */
    public void reached(String aggregateId, long version) {
        Queue<Waiter> queue = waiters.get(aggregateId);
        if (queue != null) {
            queue.removeIf(waiter -> waiter.version() <= version && waiter.reached().complete(null));
        }
    }

    /**
     * Waits until {@code storedVersion} reports at least {@code version}, at most the configured timeout. A report only
     * wakes the reader to look again: it returns true only once it has itself read the version from the store it is
     * about to answer from. A report can come from a projection writing elsewhere (a read model being rebuilt, or
     * the generation just switched away from), and believing it would answer from a store that lacks the write.
     *
     * @return whether the read model got there in time
     */
    public boolean await(String aggregateId, long version, LongSupplier storedVersion) {
        if (storedVersion.getAsLong() >= version) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Waiter waiter = new Waiter(version, new CompletableFuture<>());
            Queue<Waiter> queue = waiters.computeIfAbsent(aggregateId, id -> new ConcurrentLinkedQueue<>());
            queue.add(waiter);
            try {
                // registered before looking, so a report in between is not missed
                if (storedVersion.getAsLong() >= version) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waiter.reached().get(Math.min(left, LOOK_AGAIN.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException lookAgain) {
                // nothing reported on this node yet
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                queue.remove(waiter);
                waiters.computeIfPresent(aggregateId, (id, remaining) -> remaining.isEmpty() ? null : remaining);
            }
        }
    }
}
