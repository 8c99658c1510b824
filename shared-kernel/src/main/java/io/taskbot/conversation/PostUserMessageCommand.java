package io.taskbot.conversation;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Records what the user said; starts the conversation when the id is new. Only its owner may post to it. */
public record PostUserMessageCommand(@TargetAggregateIdentifier ConversationId conversationId, UserId author,
                                     String content, Instant postedAt) {

    public PostUserMessageCommand {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(postedAt, "postedAt");
    }
}
