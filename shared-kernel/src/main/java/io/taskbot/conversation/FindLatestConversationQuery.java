package io.taskbot.conversation;

import io.taskbot.user.UserId;

/** The id of {@code owner}'s most recently active conversation; answered with a {@link ConversationLookup}. */
public record FindLatestConversationQuery(UserId owner) {
}
