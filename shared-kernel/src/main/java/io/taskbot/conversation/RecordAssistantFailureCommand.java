package io.taskbot.conversation;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Records that the chat model could not answer; the user's message stays in the conversation. */
public record RecordAssistantFailureCommand(@TargetAggregateIdentifier ConversationId conversationId, UserId owner,
                                            String reason, Instant failedAt) {

    public RecordAssistantFailureCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
