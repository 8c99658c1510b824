package io.taskbot.query.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the stored tokens of a processor without claiming them. Axon's token store only reads a token by claiming
 * its segment, which would take it away from the node processing it; progress reports and the switch need to look
 * at tokens that other nodes own. Reads the {@code TokenEntry} table of the V1 migration, in Axon's default schema.
 */
final class StoredTokens {

    private static final String SELECT = "SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?";

    private final ConnectionProvider connections;
    private final Serializer serializer;

    StoredTokens(ConnectionProvider connections, Serializer serializer) {
        this.connections = connections;
        this.serializer = serializer;
    }

    /** The token of each segment, by segment id; a null token for a segment that has not processed anything yet. */
    Map<Integer, TrackingToken> of(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, processor);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tokens.put(rows.getInt(1), token(rows.getBytes(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tokens of " + processor, e);
        }
        return tokens;
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
    }
}
