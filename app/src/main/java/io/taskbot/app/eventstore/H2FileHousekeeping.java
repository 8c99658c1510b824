package io.taskbot.app.eventstore;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives an H2 file event store opened with {@code WRITE_DELAY=0} back the file maintenance that this setting
 * switches off.
 * <p>
 * {@code WRITE_DELAY=0} makes H2 write every commit to the file before the commit returns (what lets an acknowledged
 * write survive {@code kill -9}). H2 implements it by stopping the MVStore's background thread, and that thread is
 * also the one that rewrites half-empty chunks and moves chunks together ("housekeeping"). Without it the file only
 * ever grows: every commit appends a chunk of copied B-tree pages, and chunks holding a single live page are never
 * freed. Measured on the event store's own tables: ~29 KB of file per event while running, ~2 KB after the same
 * work with housekeeping and a compacting close.
 * <p>
 * This runs H2's own housekeeping routine, the very one the background thread would run, on a thread of its own
 * every {@value #INTERVAL_MILLIS} ms. It only takes the store lock when nobody holds it, so it never delays a commit,
 * and it rewrites nothing a commit relies on: the durability of commits is untouched. The routine is not public API,
 * hence the reflection; should a future H2 lack it, this logs one warning and stays idle. Stores other than an
 * embedded H2 file with a zero write delay (PostgreSQL, H2 with its own background thread) are left alone.
 * <p>
 * It also forces the file to disk (fsync) every {@value #MAX_SYNC_INTERVAL_MILLIS} ms at most, and at least five
 * times within the store's retention time. H2 reuses the space of a replaced chunk once the retention time has
 * passed; a chunk that replaced it then has been on disk for a while, so an OS crash or a power loss cannot leave the
 * file pointing at overwritten data, whatever order the OS wrote its buffers in. That is what lets the embedded
 * default keep 5 s of replaced chunks rather than H2's 45 s (the bulk of a busy file), and it bounds what such a
 * crash can lose to about the last second of commits. The sync takes no store lock; commits go on meanwhile.
 */
@Component
class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);
    /** The pause H2's background thread takes between two rounds at its default write delay (1000 ms / 3). */
    static final long INTERVAL_MILLIS = 333;
    /** The longest time between two syncs of the file. */
    static final long MAX_SYNC_INTERVAL_MILLIS = 1000;

    private final DataSource dataSource;
    private volatile ScheduledExecutorService executor;

    H2FileHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        MVStore store = zeroWriteDelayH2Store();
        if (store == null) {
            return;
        }
        Method housekeeping;
        try {
            housekeeping = FileStore.class.getDeclaredMethod("doHousekeeping", MVStore.class);
            housekeeping.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            log.warn("This H2 version has no MVStore housekeeping routine to call; the event-store file ({}) is "
                    + "compacted only when the application stops", store.getFileStore().getFileName());
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-event-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long syncEvery = TimeUnit.MILLISECONDS.toNanos(syncIntervalMillis(store.getRetentionTime()));
        long[] lastSync = {System.nanoTime()};
        scheduler.scheduleWithFixedDelay(() -> {
            runOnce(store, housekeeping);
            long now = System.nanoTime();
            if (now - lastSync[0] >= syncEvery) {
                lastSync[0] = now;
                sync(store);
            }
        }, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    private static void runOnce(MVStore store, Method housekeeping) {
        if (store.isClosed()) {
            return;
        }
        try {
            housekeeping.invoke(store.getFileStore(), store);
        } catch (InvocationTargetException e) {
            if (!store.isClosed()) {
                // the next round tries again, as H2's own background thread would
                log.warn("H2 event-store housekeeping failed: {}", e.getCause().toString());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often the file is synced: five times within the retention time, every second at most, each round at least. */
    static long syncIntervalMillis(int retentionMillis) {
        return Math.max(INTERVAL_MILLIS, Math.min(MAX_SYNC_INTERVAL_MILLIS, retentionMillis / 5));
    }

    /** Whether the last sync failed, so that a disk that keeps failing is reported once, not every second. */
    private volatile boolean syncFailing;

    private void sync(MVStore store) {
        if (store.isClosed()) {
            return;
        }
        try {
            store.sync();
            syncFailing = false;
        } catch (RuntimeException e) {
            if (!store.isClosed() && !syncFailing) {
                // a full or failing disk; the next round tries again, and the commits themselves report the failure
                log.warn("H2 event-store sync failed (reported once until a sync succeeds again): {}", e.toString());
            }
            syncFailing = true;
        }
    }

    /** The event store's MVStore if it is an embedded H2 file whose commits are written synchronously, else null. */
    private MVStore zeroWriteDelayH2Store() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null; // a remote H2 server maintains its own files
            }
            MVStore store = session.getDatabase().getStore() == null ? null
                    : session.getDatabase().getStore().getMvStore();
            if (store == null || store.getFileStore() == null || store.getAutoCommitDelay() != 0) {
                return null;
            }
            return store;
        } catch (SQLException e) {
            log.warn("Cannot inspect the event store for H2 housekeeping: {}", e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                // let a running round end before H2 closes the store and compacts it
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
