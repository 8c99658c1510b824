package io.taskbot.query.readmodel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs, on this node, the processors of the read-model generations the pointers ask for, and carries rebuilds through.
 * Every {@code pollInterval} (and at once when a rebuild is asked for here) it reads each pointer and
 * <ul>
 *     <li>readies a new generation's collections and only then lets its processor run, everywhere;</li>
 *     <li>runs the active generation's processor, and the rebuilding one's, and stops any other;</li>
 *     <li>once a rebuild is within {@code switchLag} of the head, takes the switch lease and switches over;</li>
 *     <li>drops replaced generations after {@code retiredGrace}.</li>
 * </ul>
 * Nodes coordinate only through the pointer documents and the token store, so any number of nodes can run this,
 * and a node that dies in the middle of a switch leaves it to the next one once its lease runs out.
 * <p>
 * All processor starts, stops and switches happen on the one supervisor thread.
 */
final class ReadModelSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelSupervisor.class);
    /** After a switch gave up, the old generation runs undisturbed this long before the next attempt. */
    private static final Duration SWITCH_BACK_OFF = Duration.ofMinutes(1);
    private static final Duration CLAIM_KEEPING = Duration.ofSeconds(2);

    private final List<RebuildableReadModel> models;
    private final ReadModelPointers pointers;
    private final GenerationProcessors processors;
    private final StoredTokens tokens;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final StreamableMessageSource<?> events;
    private final MongoDatabase database;
    private final ReadModelSettings settings;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    /** The generations processed on this node, by processor name. */
    private final Map<String, RunningGeneration> running = new ConcurrentHashMap<>();
    /** Progress of the rebuilds this node has watched, by processor name. */
    private final Map<String, RebuildWatch> watches = new ConcurrentHashMap<>();
    private final Map<String, Instant> switchNotBefore = new ConcurrentHashMap<>();

    private ScheduledExecutorService executor;
    private volatile boolean started;

    ReadModelSupervisor(List<RebuildableReadModel> models, ReadModelPointers pointers, GenerationProcessors processors,
                        StoredTokens tokens, TokenStore tokenStore, TransactionManager transactionManager,
                        StreamableMessageSource<?> events, MongoDatabase database, ReadModelSettings settings,
                        Clock clock) {
        this.models = List.copyOf(models);
        this.pointers = pointers;
        this.processors = processors;
        this.tokens = tokens;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.events = events;
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** With Axon's own processors: after the stores are up, before the web server takes requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    @Override
    public void start() {
        models.forEach(model -> pointers.ensure(model.name()));
        // the first round runs now, so that the read models are processed before the first request arrives
        supervise();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::supervise, settings.pollInterval().toMillis(),
                settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        if (executor != null) {
            // interrupts a switch in progress, which then gives the switch up and lets the old generation run again
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        new ArrayList<>(running.keySet()).forEach(this::stopHere);
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Looks at the pointers now rather than at the next poll, e.g. right after a rebuild was asked for. */
    void superviseSoon() {
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown()) {
            current.execute(this::supervise);
        }
    }

    Optional<RunningGeneration> running(String processor) {
        return Optional.ofNullable(running.get(processor));
    }

    Collection<RunningGeneration> runningGenerations() {
        return List.copyOf(running.values());
    }

    /** Positions per second a rebuild has made so far, as this node saw it; 0 before two observations. */
    double rate(String processor) {
        RebuildWatch watch = watches.get(processor);
        return watch == null ? 0 : watch.rate();
    }

    long head() {
        return Positions.of(events.createHeadToken());
    }

    private void supervise() {
        for (RebuildableReadModel model : models) {
            try {
                supervise(model);
            } catch (RuntimeException e) {
                // one read model's trouble (MongoDB or the database away) must not stop the others' supervision
                log.warn("Could not supervise read model {}; trying again in {}", model.name(),
                        settings.pollInterval(), e);
            }
        }
    }

    private void supervise(RebuildableReadModel model) {
        Pointer pointer = pointers.load(model.name());
        pointers.remember(pointer);
        if (pointer.rebuilding() != null && !pointer.prepared()) {
            prepare(model, pointer.rebuilding());
            pointers.markPrepared(model.name(), pointer.rebuilding());
            pointer = pointers.load(model.name());
        }
        Set<Integer> wanted = new TreeSet<>();
        if (!pointer.switching()) {
            wanted.add(pointer.active());
        }
        if (pointer.rebuildReady()) {
            wanted.add(pointer.rebuilding());
        }
        runHere(model, wanted);
        if (pointer.rebuildReady()) {
            follow(model, pointer);
        }
        dropRetired(model, pointer);
    }

    /**
     * Readies generation {@code generation} before any node runs its processor: its collections empty with their
     * indexes, and no token or dead letter under its processor's name. Names are never reused, so there should be
     * nothing to remove; removing it anyway keeps a rebuild from resuming a stranger's token should the pointers
     * ever have been lost while the token table was kept.
     */
    /**
     * Drops those of the collections that exist. MongoDB takes dropping a missing collection as done, but the embedded
     * server logs it as a failed command, with a stack trace, although nothing failed.
     */
    private void drop(Collection<String> collections) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        collections.stream().filter(existing::contains)
                .forEach(collection -> database.getCollection(collection).drop());
    }

    private void prepare(RebuildableReadModel model, int generation) {
        String processor = Generations.processor(model.name(), generation);
        drop(model.collections(generation));
        deleteTokens(processor);
        transactionManager.executeInTransaction(() -> processors.deadLetterQueue(processor).clear());
        model.createIndexes(generation);
        log.info("Rebuild of read model {}: generation {} is ready to be filled from the event store by processor {}",
                model.name(), generation, processor);
    }

    private void runHere(RebuildableReadModel model, Set<Integer> wanted) {
        for (RunningGeneration generation : List.copyOf(running.values())) {
            if (generation.model() == model && !wanted.contains(generation.generation())) {
                stopHere(generation.name());
            }
        }
        for (int generation : wanted) {
            String processor = Generations.processor(model.name(), generation);
            if (!running.containsKey(processor)) {
                model.createIndexes(generation);
                RunningGeneration created = processors.create(model, generation, pointers);
                created.processor().start();
                running.put(processor, created);
                log.info("Processing generation {} of read model {} on this node (processor {})", generation,
                        model.name(), processor);
            }
        }
    }

    private void stopHere(String processor) {
        RunningGeneration generation = running.remove(processor);
        if (generation != null) {
            generation.processor().shutDown();
        }
    }

    private void follow(RebuildableReadModel model, Pointer pointer) {
        int generation = pointer.rebuilding();
        String processor = Generations.processor(model.name(), generation);
        Map<Integer, TrackingToken> rebuilt = tokens.of(processor);
        long position = Positions.lowest(rebuilt.values());
        long head = head();
        Instant now = clock.instant();
        RebuildWatch watch = watches.computeIfAbsent(processor, name -> new RebuildWatch(now, position));
        watch.observe(now, position);
        if (watch.dueForLog(now, settings.progressLogInterval())) {
            log.info("Rebuilding read model {} into generation {}: position {} of {} ({} behind), {} positions/s",
                    model.name(), generation, position, head, Math.max(0, head - position), Math.round(watch.rate()));
        }
        boolean closeToHead = !rebuilt.isEmpty() && head - position <= settings.switchLag();
        boolean mayStart = !pointer.switching() && closeToHead
                && !now.isBefore(switchNotBefore.getOrDefault(processor, Instant.MIN));
        boolean orphaned = pointer.switching() && pointer.leaseExpired(now);
        if ((mayStart || orphaned)
                && pointers.acquireSwitch(model.name(), generation, node, now, now.plus(lease()))) {
            switchOver(model, pointer.active(), generation, watch);
        }
    }

    /**
     * Moves readers from generation {@code replaced} to {@code generation}: stops the replaced generation's processor
     * here, claims all its segments (which succeeds once every node has stopped it: each does on seeing the switch),
     * so that its collections hold still; waits until the new generation covers everything the frozen tokens cover
     * and the head as it was then; then swaps the pointer in one update. Writes made meanwhile wait for their
     * read-your-writes answer until the swap, a moment, and then find themselves in the new generation.
     */
    private void switchOver(RebuildableReadModel model, int replaced, int generation, RebuildWatch watch) {
        String old = Generations.processor(model.name(), replaced);
        String rebuilt = Generations.processor(model.name(), generation);
        long began = System.nanoTime();
        long deadline = began + settings.switchTimeout().toNanos();
        Set<Integer> claimed = new TreeSet<>();
        log.info("Switching read model {} from generation {} to {}: holding generation {} still", model.name(),
                replaced, generation, replaced);
        try {
            stopHere(old);
            Map<Integer, TrackingToken> frozen = freeze(model, generation, old, claimed, deadline);
            if (frozen == null) {
                abandon(model, generation, old, claimed, "other nodes did not stop processor " + old + " in time");
                return;
            }
            long headAtFreeze = head();
            long lastKept = System.nanoTime();
            while (!Positions.caughtUp(tokens.of(rebuilt).values(), frozen.values(), headAtFreeze)) {
                if (System.nanoTime() > deadline) {
                    abandon(model, generation, old, claimed, "generation " + generation
                            + " did not catch up with the frozen one in time");
                    return;
                }
                Thread.sleep(20);
                if (System.nanoTime() - lastKept > CLAIM_KEEPING.toNanos()) {
                    keep(model, generation, old, claimed);
                    lastKept = System.nanoTime();
                }
            }
            Instant now = clock.instant();
            if (!pointers.switchTo(model.name(), generation, replaced, node, now)) {
                abandon(model, generation, old, claimed, "the switch lease was lost");
                return;
            }
            pointers.remember(pointers.load(model.name()));
            // the replaced generation's claims are kept until they expire: no straggling node can pick it up again
            log.info("Read model {} now answers from generation {}: rebuilt through position {} at {} positions/s "
                            + "in {} s; generation {} was held still for {} ms and is dropped after {}",
                    model.name(), generation, headAtFreeze, Math.round(watch.rate()),
                    Duration.between(watch.startedAt(), now).toMillis() / 1000.0, replaced,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), settings.retiredGrace());
            watches.remove(rebuilt);
        } catch (InterruptedException e) {
            // given up first, interrupted again after: the database and MongoDB clients refuse interrupted threads
            abandon(model, generation, old, claimed, "the application is stopping");
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            abandon(model, generation, old, claimed, e.toString());
            throw e;
        }
    }

    /** Claims every segment of the replaced generation; null if some node still holds one at the deadline. */
    private Map<Integer, TrackingToken> freeze(RebuildableReadModel model, int generation, String old,
                                               Set<Integer> claimed, long deadline) throws InterruptedException {
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(old));
        Map<Integer, TrackingToken> frozen = new TreeMap<>();
        while (true) {
            for (int segment : segments) {
                if (!claimed.contains(segment)) {
                    try {
                        frozen.put(segment, transactionManager.fetchInTransaction(
                                () -> tokenStore.fetchToken(old, segment)));
                        claimed.add(segment);
                    } catch (UnableToClaimTokenException stillRunning) {
                        // another node has not seen the switch yet; it stops the processor when it does
                    }
                }
            }
            if (claimed.size() == segments.length) {
                return frozen;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(50);
            pointers.extendSwitch(model.name(), generation, node, clock.instant().plus(lease()));
        }
    }

    private void keep(RebuildableReadModel model, int generation, String old, Set<Integer> claimed) {
        for (int segment : claimed) {
            transactionManager.executeInTransaction(() -> tokenStore.extendClaim(old, segment));
        }
        pointers.extendSwitch(model.name(), generation, node, clock.instant().plus(lease()));
    }

    private void abandon(RebuildableReadModel model, int generation, String old, Set<Integer> claimed, String why) {
        for (int segment : claimed) {
            try {
                transactionManager.executeInTransaction(() -> tokenStore.releaseClaim(old, segment));
            } catch (RuntimeException e) {
                log.debug("Could not release segment {} of {}; its claim expires on its own", segment, old, e);
            }
        }
        pointers.abandonSwitch(model.name(), generation, node);
        String rebuilt = Generations.processor(model.name(), generation);
        switchNotBefore.put(rebuilt, clock.instant().plus(SWITCH_BACK_OFF));
        log.warn("Gave up switching read model {} to generation {} ({}); generation {} answers on and the switch is "
                + "tried again in {}", model.name(), generation, why, old, SWITCH_BACK_OFF);
    }

    private Duration lease() {
        return settings.switchTimeout().multipliedBy(2);
    }

    /** Drops replaced generations once no node can still be running them. */
    private void dropRetired(RebuildableReadModel model, Pointer pointer) {
        Instant now = clock.instant();
        if (pointer.retired().isEmpty() || pointer.switchedAt() == null
                || pointer.switchedAt().plus(settings.retiredGrace()).isAfter(now)) {
            return;
        }
        for (int generation : pointer.retired()) {
            if (generation == pointer.active() || Objects.equals(generation, pointer.rebuilding())) {
                pointers.forgetRetired(model.name(), generation);
                continue;
            }
            String processor = Generations.processor(model.name(), generation);
            stopHere(processor);
            if (!deleteTokens(processor)) {
                continue;
            }
            transactionManager.executeInTransaction(() -> processors.deadLetterQueue(processor).clear());
            drop(model.collections(generation));
            pointers.forgetRetired(model.name(), generation);
            log.info("Dropped generation {} of read model {} (collections {}, processor {})", generation,
                    model.name(), model.collections(generation), processor);
        }
    }

    /** Deletes every token of {@code processor}; false if a node still holds one of its segments. */
    private boolean deleteTokens(String processor) {
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(processor));
        for (int segment : segments) {
            try {
                transactionManager.executeInTransaction(() -> {
                    tokenStore.fetchToken(processor, segment);
                    tokenStore.deleteToken(processor, segment);
                });
            } catch (UnableToClaimTokenException stillClaimed) {
                return false;
            }
        }
        return true;
    }

    /** How fast one rebuild moves, as observed by this node. */
    private static final class RebuildWatch {

        private final Instant startedAt;
        private final long startPosition;
        private volatile double rate;
        private Instant loggedAt;

        RebuildWatch(Instant startedAt, long startPosition) {
            this.startedAt = startedAt;
            this.startPosition = startPosition;
        }

        Instant startedAt() {
            return startedAt;
        }

        double rate() {
            return rate;
        }

        void observe(Instant now, long position) {
            long millis = Duration.between(startedAt, now).toMillis();
            if (millis > 0 && position > startPosition) {
                rate = (position - startPosition) * 1000.0 / millis;
            }
        }

        boolean dueForLog(Instant now, Duration interval) {
            if (loggedAt == null || !loggedAt.plus(interval).isAfter(now)) {
                loggedAt = now;
                return true;
            }
            return false;
        }
    }
}
