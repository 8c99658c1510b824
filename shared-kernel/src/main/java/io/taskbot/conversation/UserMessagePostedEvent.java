package io.taskbot.conversation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The user said something. */
@Revision("1")
public record UserMessagePostedEvent(ConversationId conversationId, String content, Instant occurredAt)
        implements ConversationEvent {
}
