package io.taskbot.app.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a unique-key violation wherever the driver put it: H2 and PostgreSQL report SQLState 23505 on a cause
 * or on the next exception of a batch, which Axon's own resolver does not look at. Recognised violations become
 * {@code ConcurrencyException}s, which the command gateway retries, instead of opaque storage errors.
 */
final class DuplicateKeyExceptionResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = exception;
        while (current != null && seen.add(current)) {
            if (current instanceof SQLException sql && isUniqueViolation(sql, seen)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception, Set<Throwable> seen) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
            if (next != exception && !seen.add(next)) {
                return false;
            }
        }
        return false;
    }
}
