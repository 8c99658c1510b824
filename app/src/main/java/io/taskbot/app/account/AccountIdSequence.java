package io.taskbot.app.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

import javax.sql.DataSource;

/**
 * Account ids from the {@code account_id_seq} sequence in the event-store database, which every node shares: ids
 * from a counter in each node's own read store once let two nodes hand out the same id to two people.
 * <p>
 * Accounts made before the sequence existed took their ids from the read store's {@code counters} document; on
 * start the sequence is moved past the highest id the read store holds, so no new account can get an old one's id.
 */
final class AccountIdSequence {

    static final String SEQUENCE = "account_id_seq";
    private static final Logger log = LoggerFactory.getLogger(AccountIdSequence.class);

    private final DataFieldMaxValueIncrementer incrementer;

    AccountIdSequence(DataSource dataSource, MongoDatabase readStore) {
        this.incrementer = incrementerFor(dataSource);
        moveSequencePast(highestIdIn(readStore), dataSource);
    }

    long next() {
        return incrementer.nextLongValue();
    }

    /** The highest account id the read store knows of: its accounts' and its old counter's. */
    private static long highestIdIn(MongoDatabase readStore) {
        MongoCollection<Document> accounts = readStore.getCollection("accounts");
        Document highest = accounts.find().projection(Projections.include("_id")).sort(Sorts.descending("_id"))
                .limit(1).first();
        long highestAccount = highest == null ? 0 : highest.get("_id", Number.class).longValue();
        Document counter = readStore.getCollection("counters").find(Filters.eq("_id", "accounts")).first();
        long highestCounted = counter == null ? 0 : counter.get("value", Number.class).longValue();
        return Math.max(highestAccount, highestCounted);
    }

    /**
     * Draws one value (one gap per start where accounts exist, a small price for not needing a dialect to read the
     * sequence) and restarts the sequence after {@code highest} when it is behind.
     */
    private void moveSequencePast(long highest, DataSource dataSource) {
        if (highest <= 0 || next() > highest) {
            return;
        }
        // a literal, not a parameter: DDL takes none; the value is a long computed here
        new JdbcTemplate(dataSource).execute("ALTER SEQUENCE " + SEQUENCE + " RESTART WITH " + (highest + 1));
        log.info("Account ids continue after {}, the highest id in the read store", highest);
    }

    private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the event store", e);
        }
        return switch (product) {
            case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
            default -> throw new IllegalStateException("Account ids need a sequence; " + product + " is not supported");
        };
    }
}
