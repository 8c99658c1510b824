package io.taskbot.app.readmodel;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Binds the event-store database to one read store. Accounts and read models live in the read store, so two nodes
 * that share an event store but each serve from a read store of their own (say, each its embedded MongoDB) would hand
 * out the same account to two people and serve each other's users the wrong data.
 * <p>
 * Each read store gets an identity, generated once and kept in it. The event-store database records the identity of
 * the one it is served from, and every node serving from it renews that record while it runs. A node whose read store
 * has another identity refuses to start while the recorded one is in use, i.e. renewed within the last
 * {@link #LEASE}. A read store nobody has renewed for that long (its nodes are stopped, or its data dir is lost) is
 * taken over, with a warning. A node that finds its read store was taken over while it ran stops.
 */
final class ReadStoreBinding implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    private static final String IDENTITY_COLLECTION = "read_store";
    private static final String IDENTITY_ID = "identity";
    private static final Logger log = LoggerFactory.getLogger(ReadStoreBinding.class);

    private final DataSource eventStore;
    private final Clock clock;
    private final String identity;
    private final String description;
    private final Runnable stopNode;
    private final ScheduledExecutorService renewer;

    /**
     * @param description where the read store is, for people: never a connection string, which may hold credentials
     * @param remedy      what to set so that this node serves from the read store the other nodes use
     * @param stopNode    called when another read store took the binding over while this node ran
     */
    ReadStoreBinding(MongoDatabase readStore, String description, String remedy, DataSource eventStore, Clock clock,
                     Runnable stopNode) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.identity = identityOf(readStore);
        this.description = description;
        this.stopNode = stopNode;
        Claim claim = claim();
        if (claim instanceof Claim.Refused refused) {
            throw new ForeignReadStoreException(
                    "This node would serve from " + description + " (read store " + identity + "), but the "
                            + "event-store database is served from another read store: " + refused.description()
                            + " (read store " + refused.identity() + "), in use until at least "
                            + refused.aliveUntil() + ".",
                    "Nodes that share an event store must share one read store: " + remedy + ". If that read "
                            + "store is gone for good (its node lost its data dir), stop every node that uses it, "
                            + "start this node again after " + LEASE.toSeconds() + " seconds and rebuild the read "
                            + "models (POST /api/admin/read-models/rebuild); accounts are kept in the read store "
                            + "only, so restore them from a backup of it.");
        }
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-store-binding");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The refusal to start, with what the operator should do about it. */
    static final class ForeignReadStoreException extends IllegalStateException {

        private final String description;
        private final String action;

        ForeignReadStoreException(String description, String action) {
            super(description + " " + action);
            this.description = description;
            this.action = action;
        }

        String description() {
            return description;
        }

        String action() {
            return action;
        }
    }

    private sealed interface Claim {
        record Held() implements Claim {
        }

        record Refused(String identity, String description, Instant aliveUntil) implements Claim {
        }
    }

    private void renew() {
        try {
            if (claim() instanceof Claim.Refused refused) {
                log.error("The event-store database is now served from {} (read store {}): this node, serving "
                        + "from {}, stops so that it does not serve accounts and tasks that are no longer current",
                        refused.description(), refused.identity(), description);
                renewer.shutdown();
                stopNode.run();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew this node's read-store binding; trying again in {} s",
                    RENEW_EVERY.toSeconds(), e);
        }
    }

    /** Takes or renews the binding in one transaction, with the row locked against other nodes doing the same. */
    private Claim claim() {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = eventStore.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Claim claim = claim(connection);
                    connection.commit();
                    return claim;
                } catch (SQLException e) {
                    connection.rollback();
                    // two nodes inserting the first row at once: the loser finds the winner's row next time
                    if (attempt == 3) {
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the read-store binding from the event-store database",
                        e);
            }
        }
    }

    private Claim claim(Connection connection) throws SQLException {
        long now = clock.millis();
        long aliveUntil = now + LEASE.toMillis();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT read_store_id, description, alive_until FROM read_store_binding WHERE id = 1 FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO read_store_binding (id, read_store_id, description, alive_until) "
                                + "VALUES (1, ?, ?, ?)")) {
                    insert.setString(1, identity);
                    insert.setString(2, description);
                    insert.setLong(3, aliveUntil);
                    insert.executeUpdate();
                }
                log.info("The event-store database is served from {} (read store {})", description, identity);
                return new Claim.Held();
            }
            String bound = row.getString(1);
            String boundDescription = row.getString(2);
            long boundUntil = row.getLong(3);
            if (!bound.equals(identity) && boundUntil > now) {
                return new Claim.Refused(bound, boundDescription, Instant.ofEpochMilli(boundUntil));
            }
            if (!bound.equals(identity)) {
                log.warn("The event-store database was served from {} (read store {}), unused since {}; from now "
                        + "on it is served from {} (read store {}). Accounts of the old read store are not in this "
                        + "one; rebuild the read models (POST /api/admin/read-models/{name}/rebuild) to serve the "
                        + "tasks of the event store", boundDescription, bound, Instant.ofEpochMilli(boundUntil),
                        description, identity);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE read_store_binding SET read_store_id = ?, description = ?, alive_until = ? WHERE id = 1")) {
            update.setString(1, identity);
            update.setString(2, description);
            update.setLong(3, aliveUntil);
            update.executeUpdate();
        }
        return new Claim.Held();
    }

    /** The read store's identity, made by the first node that asks. */
    private static String identityOf(MongoDatabase readStore) {
        MongoCollection<Document> identities = readStore.getCollection(IDENTITY_COLLECTION);
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER);
        for (int attempt = 1; ; attempt++) {
            try {
                Document document = identities.findOneAndUpdate(Filters.eq("_id", IDENTITY_ID),
                        Updates.combine(Updates.setOnInsert("value", UUID.randomUUID().toString()),
                                Updates.setOnInsert("createdAt", new java.util.Date())), upsert);
                return document.getString("value");
            } catch (MongoCommandException | MongoWriteException e) {
                // two nodes creating it at once: the loser's upsert hits the duplicate _id, and reads it next time
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    String identity() {
        return identity;
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
