package io.taskbot.command.task;

import io.taskbot.task.TaskId;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

import javax.sql.DataSource;

/**
 * Allocates task ids from the {@code task_id_seq} sequence in the event-store database, so every node that shares the
 * database gets distinct ids without coordinating. The sequence is created by the schema migration.
 */
final class SequenceTaskIdAllocator implements TaskIdAllocator {

    static final String SEQUENCE = "task_id_seq";

    private final DataFieldMaxValueIncrementer incrementer;

    SequenceTaskIdAllocator(DataSource dataSource) {
        this.incrementer = incrementerFor(dataSource);
    }

    @Override
    public TaskId next() {
        return TaskId.of(incrementer.nextLongValue());
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
            default -> throw new IllegalStateException("Task ids need a sequence; " + product + " is not supported");
        };
    }
}
