package io.taskbot.query.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;

/**
 * How far one read model has got, per aggregate, and what it wrote there. Its projection reports each aggregate it
 * has written, with the version, the generation it wrote into and the written state; a query that must reflect a
 * client's own write waits here and answers from that report, with no look at the store and no polling.
 * <p>
 * A report only counts when it comes from the generation readers read at the moment of answering: a rebuild's
 * generation, or the one just switched away from, may hold what the store readers use lacks. The latest report of
 * each aggregate is remembered for a while, since the projection often gets there before the reader starts waiting.
 * Versions that another node's processor wrote are never reported here: for them the waiter looks at the store
 * itself, every {@code lookAgain} (much longer than a local projection takes), so that this look costs nothing on
 * the common path. Waiting happens on the reader's own thread, and nothing is ever interrupted.
 *
 * @param <V> what the projection wrote for an aggregate, as the reader answers it
 */
public final class ProjectionProgress<V> {

    /** A report of the projection: the aggregate is at {@code version} in {@code generation}, as {@code written}. */
    private record Report<V>(int generation, long version, V written) {
    }

    private record Waiter<V>(long version, CompletableFuture<Report<V>> reached) {
    }

    /**
     * How often a waiting reader looks at the store itself: well beyond the time a local projection takes to report,
     * so that on one node the look is hardly ever made, and short enough for a write projected on another node.
     */
    public static final Duration LOOK_AT_THE_STORE = Duration.ofMillis(250);

    /** The aggregates written lately; bounded, and only useful for about as long as a reader waits. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Queue<Waiter<V>>> waiters = new ConcurrentHashMap<>();
    private final Cache<String, Report<V>> latest;
    private final Duration timeout;
    private final Duration lookAgain;

    public ProjectionProgress(Duration timeout) {
        this(timeout, LOOK_AT_THE_STORE);
    }

    /**
     * @param timeout   how long a reader waits at most
     * @param lookAgain how often a waiting reader looks at the store itself, for writes projected on other nodes
     */
    public ProjectionProgress(Duration timeout, Duration lookAgain) {
        this.timeout = timeout;
        this.lookAgain = lookAgain;
        this.latest = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(timeout).build();
    }

    /** Called by the projection once {@code generation} holds {@code version} of the aggregate, as {@code written}. */
    public void reached(String aggregateId, int generation, long version, V written) {
        Report<V> report = new Report<>(generation, version, written);
        latest.asMap().merge(aggregateId, report, (before, now) ->
                now.generation() != before.generation() || now.version() >= before.version() ? now : before);
        Queue<Waiter<V>> queue = waiters.get(aggregateId);
        if (queue != null) {
            queue.removeIf(waiter -> waiter.version() <= version && waiter.reached().complete(report));
        }
    }

    /**
     * Waits until the read model readers read holds at least {@code version} of the aggregate, at most the configured
     * timeout, and returns what it holds.
     *
     * @param readGeneration the generation readers read now, asked afresh each time a report arrives
     * @param store          what the store readers read holds if it has reached the given version; asked only every
     *                       {@code lookAgain}, for versions written by another node
     * @return what the read model holds at {@code version} or later, or empty if it did not get there in time
     */
    public Optional<V> await(String aggregateId, long version, IntSupplier readGeneration, LongFunction<Optional<V>> store) {
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        long nextLook = now + lookAgain.toNanos();
        boolean first = true;
        while (true) {
            Waiter<V> waiter = new Waiter<>(version, new CompletableFuture<>());
            Queue<Waiter<V>> queue = waiters.computeIfAbsent(aggregateId, id -> new ConcurrentLinkedQueue<>());
            queue.add(waiter);
            try {
                Report<V> report = null;
                if (first) {
                    // registered before looking, so a report in between is not missed
                    Report<V> remembered = latest.getIfPresent(aggregateId);
                    report = remembered != null && remembered.version() >= version ? remembered : null;
                    first = false;
                }
                if (report == null) {
                    long left = Math.min(deadline, nextLook) - System.nanoTime();
                    report = left > 0 ? waiter.reached().get(left, TimeUnit.NANOSECONDS) : null;
                }
                if (report != null && report.generation() == readGeneration.getAsInt()) {
                    return Optional.of(report.written());
                }
            } catch (TimeoutException noReportYet) {
                // nothing reported on this node yet: time to look at the store, or to give up
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                queue.remove(waiter);
                waiters.computeIfPresent(aggregateId, (id, remaining) -> remaining.isEmpty() ? null : remaining);
            }
            now = System.nanoTime();
            if (now - nextLook >= 0 || now - deadline >= 0) {
                Optional<V> stored = store.apply(version);
                if (stored.isPresent()) {
                    return stored;
                }
                nextLook = now + lookAgain.toNanos();
            }
            if (now - deadline >= 0) {
                return Optional.empty();
            }
        }
    }
}
