package io.taskbot.app.readmodel;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire server of the zero-setup run, keeping its data in an H2 file under the data dir so that
 * read models and accounts survive restarts. Listens on a free loopback port only.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final RecoverableH2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    EmbeddedMongo(Path dataDir) {
        Path file = dataDir.resolve("readmodels.mv.db");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data dir " + dataDir, e);
        }
        this.backend = new RecoverableH2Backend(file);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("Embedded MongoDB for read models listening on {} (data in {})", connectionString, file);
    }

    String connectionString() {
        return connectionString;
    }

    /** Commits the H2 store now instead of at its next autocommit. */
    void flush() {
        backend.commit();
    }

    /** Whether the store can be used; false after a failed write (a full disk) closed it, until it is reopened. */
    boolean isOpen() {
        return backend.isOpen();
    }

    /** Reopens the store if a failed write closed it; returns whether it is open now. */
    boolean reopenIfClosed() {
        return backend.reopenIfClosed();
    }

    /** Shuts the server down, which commits and closes the H2 store. */
    @Override
    public void close() {
        server.shutdown();
    }
}
