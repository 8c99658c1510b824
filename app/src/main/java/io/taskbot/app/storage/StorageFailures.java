package io.taskbot.app.storage;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a store that cannot read or write right now (a full disk, a store that closed itself, a database that is
 * away) from a bug: the first is worth a {@code 503} and a retry, the second a {@code 500}.
 */
public final class StorageFailures {

    /** How long a client is told to wait before it tries a write again while a store cannot write. */
    public static final String RETRY_AFTER_SECONDS = "10";

    /** MongoDB's {@code HostUnreachable}, also what the embedded MongoDB answers while its store is closed. */
    private static final int MONGO_HOST_UNREACHABLE = 6;

    /**
     * H2's "database has been closed" (90098), "called at shutdown" (90121), I/O errors (90028, 90031), broken
     * connections (90067), and its general error (50000), which carries the store's failed write.
     */
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(90098, 90121, 90028, 90031, 90067);
    private static final int H2_GENERAL_ERROR = 50000;

    private StorageFailures() {
    }

    public static boolean isStorageFailure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (isUnavailable(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && isUnavailable(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            return isH2Unavailable(sql) || sql.getSQLState() != null && sql.getSQLState().startsWith("08");
        }
        if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
            return true;
        }
        if (cause instanceof MongoException mongo) {
            return mongo.getCode() == MONGO_HOST_UNREACHABLE;
        }
        if (cause instanceof IOException io) {
            return io.getMessage() != null && io.getMessage().contains("No space left on device");
        }
        return cause.getClass().getName().equals("org.h2.mvstore.MVStoreException");
    }

    /** Also used to evict the pooled connections of an H2 database that closed itself. */
    public static boolean isH2Unavailable(SQLException sql) {
        if (H2_UNAVAILABLE.contains(sql.getErrorCode())) {
            return true;
        }
        return sql.getErrorCode() == H2_GENERAL_ERROR && sql.getMessage() != null
                && sql.getMessage().contains("MVStoreException");
    }
}
