package io.taskbot.app.readmodel;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The embedded MongoDB's H2 store, reopened after it closed itself. H2's MVStore closes for good when a write fails
 * (a full disk), and every later request, reads included, would fail until the application restarts. This backend
 * answers such requests with the MongoDB error {@value #UNAVAILABLE_CODE} ({@code HostUnreachable}), which the
 * application reads as "the read store is unavailable, try again", and {@link #reopenIfClosed()} opens the file
 * again: it holds every write committed before the failure, since a commit is all or nothing.
 */
final class RecoverableH2Backend implements MongoBackend {

    /** MongoDB's {@code HostUnreachable}: the driver retries a read once on it, and clients see a transient error. */
    static final int UNAVAILABLE_CODE = 6;

    private static final Logger log = LoggerFactory.getLogger(RecoverableH2Backend.class);

    private final Path file;
    private volatile H2Backend current;

    RecoverableH2Backend(Path file) {
        this.file = file;
        this.current = new IndexingH2Backend(file.toString());
    }

    /** Whether the store is open; false after a failed write closed it, until it is reopened. */
    boolean isOpen() {
        return !current.getMvStore().isClosed();
    }

    /**
     * Opens the file again if the store closed itself; returns whether it is open now. Reopening while the disk is
     * still full usually works (reading needs no space), so reads are served again even before writes are.
     */
    synchronized boolean reopenIfClosed() {
        if (isOpen()) {
            return true;
        }
        try {
            H2Backend reopened = new IndexingH2Backend(file.toString());
            H2Backend closed = current;
            current = reopened;
            closeQuietly(closed);
            log.warn("Reopened the embedded MongoDB store {} after it had closed itself on a failed write", file);
            return true;
        } catch (RuntimeException e) {
            log.warn("The embedded MongoDB store {} cannot be reopened yet: {}", file, e.toString());
            return false;
        }
    }

    /** Commits the store now; a store that cannot write answers with the transient error. */
    void commit() {
        guarded(() -> {
            current.commit();
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        H2Backend backend = current;
        if (!backend.getMvStore().isClosed()) {
            backend.handleClose(channel);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return guarded(() -> current.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return guarded(() -> current.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return guarded(() -> current.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        guarded(() -> {
            current.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return guarded(() -> current.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return guarded(() -> current.getServerStatus());
    }

    @Override
    public void close() {
        current.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        guarded(() -> {
            current.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        current.enableOplog();
    }

    @Override
    public void disableOplog() {
        current.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return guarded(() -> current.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        current.version(version);
        return this;
    }

    private <T> T guarded(Supplier<T> call) {
        H2Backend backend = current;
        if (backend.getMvStore().isClosed()) {
            throw unavailable(null);
        }
        try {
            return call.get();
        } catch (MVStoreException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            // the store closes itself on the failed write, and the failure reaches here in many wrappings
            if (backend.getMvStore().isClosed() || causedByStore(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    private static boolean causedByStore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MVStoreException) {
                return true;
            }
        }
        return false;
    }

    private static MongoServerError unavailable(Throwable cause) {
        return new MongoServerError(UNAVAILABLE_CODE, "HostUnreachable",
                "The read-model store cannot read or write right now (is the disk full?); try again", cause);
    }

    private static void closeQuietly(H2Backend closed) {
        try {
            closed.close();
        } catch (RuntimeException alreadyBroken) {
            // it closed itself on the failed write already; nothing is left to release
        }
    }
}
