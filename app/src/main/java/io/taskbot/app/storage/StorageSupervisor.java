package io.taskbot.app.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches whether the data dir can be written, and heals the embedded stores when it can again. Every
 * {@code interval} it writes and removes a probe file as large as a store's typical write; while that fails (a full
 * disk, a read-only remount) {@link #isWritable()} is false, which makes writes answer {@code 503} and health say
 * unhealthy. Once the probe succeeds again every {@link SelfHealingStore} is told, and from then on asked to heal
 * on every round, so a store that broke on the full disk comes back within a few seconds of space coming back.
 */
public final class StorageSupervisor implements SmartLifecycle {

    static final String PROBE_FILE = ".write-probe";
    private static final int PROBE_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(StorageSupervisor.class);

    private final Path dataDir;
    private final List<SelfHealingStore> stores;
    private final Duration interval;
    private final Clock clock;
    private volatile String unwritable;
    private volatile Instant unwritableSince;
    private ScheduledExecutorService executor;

    StorageSupervisor(Path dataDir, List<SelfHealingStore> stores, Duration interval, Clock clock) {
        this.dataDir = dataDir;
        this.stores = List.copyOf(stores);
        this.interval = interval;
        this.clock = clock;
    }

    /** False while the last probe could not write to the data dir. */
    public boolean isWritable() {
        return unwritable == null;
    }

    /** Why the API cannot be served in full right now: the data dir, or a store that has not come back yet. */
    public Optional<String> problem() {
        String failure = unwritable;
        if (failure != null) {
            return Optional.of("the data dir " + dataDir + " cannot be written since " + unwritableSince + ": "
                    + failure);
        }
        for (SelfHealingStore store : stores) {
            Optional<String> problem = store.problem();
            if (problem.isPresent()) {
                return Optional.of(store.name() + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** One round: probe the data dir, then heal what can be healed. */
    void check() {
        String failure = probe();
        boolean wasUnwritable = unwritable != null;
        if (failure != null) {
            if (!wasUnwritable) {
                unwritableSince = clock.instant();
                log.error("The data dir {} cannot be written ({}); writes are refused with 503 until it can again",
                        dataDir, failure);
            }
            unwritable = failure;
            stores.stream().filter(SelfHealingStore::healsWhileFull).forEach(this::heal);
            return;
        }
        unwritable = null;
        if (wasUnwritable) {
            log.warn("The data dir {} can be written again (it could not since {}); healing the embedded stores",
                    dataDir, unwritableSince);
            // the event processors that failed meanwhile retry by themselves, after at most a minute of back-off;
            // restarting them sooner would interrupt threads that may be writing to H2, which closes its file
            stores.forEach(store -> run(store.name(), store::spaceReturned));
        } else {
            stores.forEach(this::heal);
        }
    }

    private void heal(SelfHealingStore store) {
        run(store.name(), store::heal);
    }

    private static void run(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Healing {} failed, trying again next round: {}", what, e.toString());
        }
    }

    /** Writes a probe file and removes it; returns why that failed, or null. */
    private String probe() {
        Path probe = dataDir.resolve(PROBE_FILE);
        try {
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate(PROBE_BYTES);
                while (block.hasRemaining()) {
                    channel.write(block);
                }
            }
            return null;
        } catch (IOException e) {
            return e.getMessage() != null ? e.getMessage() : e.toString();
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the next round writes it again; a leftover probe file is harmless
            }
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storage-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Storage check failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
