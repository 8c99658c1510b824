package io.taskbot.conversation;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Records the assistant's answer to the conversation's latest user message, with the tools it ran. */
public record RecordAssistantReplyCommand(@TargetAggregateIdentifier ConversationId conversationId, UserId owner,
                                          String content, List<ToolCall> toolCalls, Instant repliedAt) {

    public RecordAssistantReplyCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(repliedAt, "repliedAt");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
