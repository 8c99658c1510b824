package io.taskbot.conversation;

import java.time.Instant;

/** Everything that can happen in a conversation. */
public sealed interface ConversationEvent permits ConversationStartedEvent, UserMessagePostedEvent,
        AssistantRepliedEvent, AssistantFailedEvent {

    ConversationId conversationId();

    Instant occurredAt();
}
