package io.taskbot.messaging;

import io.taskbot.user.UserId;

import java.util.Map;

/**
 * Names of the metadata every command carries from the edge and every event inherits from its command, so that an
 * auditor can tell who caused a change, through which channel, and which request it belonged to.
 */
public final class MetadataKeys {

    /** The id of the authenticated user who sent the command. */
    public static final String USER_ID = "userId";
    /** The contract or chat conversation the command came through, see {@link Channel}. */
    public static final String CHANNEL = "channel";
    /** Ties together every message caused by one client request. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * Set on the events of an undo only: the sequence number of the first event of the change they take back. The
     * events themselves are the ordinary ones (a rename back to the old title), so that every consumer folds them
     * as it folds any change; this key is what tells an undo from a change.
     */
    public static final String UNDOES = "undoes";

    private MetadataKeys() {
    }

    /** The metadata of a command sent by {@code user} through {@code channel} as part of request {@code correlationId}. */
    public static Map<String, String> of(UserId user, Channel channel, String correlationId) {
        return Map.of(USER_ID, Long.toString(user.value()), CHANNEL, channel.value(), CORRELATION_ID, correlationId);
    }
}
