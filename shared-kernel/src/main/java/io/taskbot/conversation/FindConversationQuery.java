package io.taskbot.conversation;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * Whether {@code owner} has the conversation, and its version in the read model; answered with a
 * {@link ConversationLookup}. With a {@code minVersion} (from one's own write) the answer waits until the history
 * reflects that write.
 */
public record FindConversationQuery(UserId owner, ConversationId conversationId, long minVersion) {

    public static final long ANY_VERSION = -1;

    public FindConversationQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    public FindConversationQuery(UserId owner, ConversationId conversationId) {
        this(owner, conversationId, ANY_VERSION);
    }
}
