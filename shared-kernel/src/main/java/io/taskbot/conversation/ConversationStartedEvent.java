package io.taskbot.conversation;

import io.taskbot.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user began a conversation with the assistant. */
@Revision("1")
public record ConversationStartedEvent(ConversationId conversationId, UserId owner, Instant occurredAt)
        implements ConversationEvent {
}
