package io.taskbot.conversation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The chat model failed or timed out while answering; {@code reason} is for operators, never shown raw to users. */
@Revision("1")
public record AssistantFailedEvent(ConversationId conversationId, String reason, Instant occurredAt)
        implements ConversationEvent {
}
