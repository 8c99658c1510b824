package io.taskbot.query.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The position (global index) of a stored event in the event store. A tracked event's token does not tell it: a
 * gap-aware token that picks up an event committed late keeps the highest index seen so far, so the late event's
 * token names its successor's position, and two events would share it. Looked up by the event's identifier, which
 * the V1 migration indexes.
 */
public final class EventPositions {

    private static final String SELECT = "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?";

    private final ConnectionProvider connections;

    EventPositions(ConnectionProvider connections) {
        this.connections = connections;
    }

    public long of(EventMessage<?> event) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, event.getIdentifier());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the position of event " + event.getIdentifier(), e);
        }
    }
}
