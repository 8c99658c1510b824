package io.taskbot.command.conversation;

import io.taskbot.conversation.AssistantFailedEvent;
import io.taskbot.conversation.AssistantRepliedEvent;
import io.taskbot.conversation.ConversationException;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationStartedEvent;
import io.taskbot.conversation.PostUserMessageCommand;
import io.taskbot.conversation.RecordAssistantFailureCommand;
import io.taskbot.conversation.RecordAssistantReplyCommand;
import io.taskbot.conversation.UserMessagePostedEvent;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A conversation between one user and the assistant. The first message starts it and makes its author the owner;
 * nobody else can add to it. Each command answers with the conversation's version after it, so a reader can wait
 * for the history to show it.
 */
@Aggregate
class Conversation {

    @AggregateIdentifier
    private ConversationId id;
    private UserId owner;

    /** For Axon: rebuilt from events, or created empty for the first message. */
    protected Conversation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(PostUserMessageCommand command) {
        if (owner == null) {
            apply(new ConversationStartedEvent(command.conversationId(), command.author(), command.postedAt()));
        } else {
            checkOwner(command.author());
        }
        apply(new UserMessagePostedEvent(command.conversationId(), command.content(), command.postedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordAssistantReplyCommand command) {
        checkOwner(command.owner());
        apply(new AssistantRepliedEvent(id, command.content(), command.toolCalls(), command.repliedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordAssistantFailureCommand command) {
        checkOwner(command.owner());
        apply(new AssistantFailedEvent(id, command.reason(), command.failedAt()));
        return AggregateLifecycle.getVersion();
    }

    /** Someone else's conversation is, for the caller, one that does not exist. */
    private void checkOwner(UserId caller) {
        if (!owner.equals(caller)) {
            throw new ConversationException("Conversation not found");
        }
    }

    @EventSourcingHandler
    void on(ConversationStartedEvent event) {
        id = event.conversationId();
        owner = event.owner();
    }
}
