package io.taskbot.conversation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The assistant answered, after running these tools. */
@Revision("1")
public record AssistantRepliedEvent(ConversationId conversationId, String content, List<ToolCall> toolCalls,
                                    Instant occurredAt) implements ConversationEvent {
}
