package io.taskbot.conversation;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * The last {@code limit} messages of one of {@code owner}'s conversations, oldest first: the agent's memory, however
 * long the conversation has grown. Answered with a {@link MessagePage}.
 */
public record FindRecentMessagesQuery(UserId owner, ConversationId conversationId, int limit) {

    public FindRecentMessagesQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(conversationId, "conversationId");
        if (limit < 1 || limit > FindMessagesQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("1 <= limit <= " + FindMessagesQuery.MAX_LIMIT);
        }
    }
}
