package io.taskbot.app.storage;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Makes the connection pool drop connections of an embedded H2 database that closed itself: H2 closes a database
 * whose file could not be written (a full disk), and its connections never work again, while a new connection opens
 * the file anew. Hikari's own rules know only the SQL states of network failures. Configured as
 * {@code spring.datasource.hikari.exception-override-class-name} for the embedded event store.
 */
public class H2ConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        return StorageFailures.isH2Unavailable(exception) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
