package io.taskbot.conversation;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * A page of {@code owner}'s messages, oldest first: of one conversation, or of all of them when
 * {@code conversationId} is null. Answered with a {@link MessagePage}; an unknown or foreign conversation gives
 * {@code found == false}.
 */
public record FindMessagesQuery(UserId owner, ConversationId conversationId, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindMessagesQuery {
        Objects.requireNonNull(owner, "owner");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }
}
