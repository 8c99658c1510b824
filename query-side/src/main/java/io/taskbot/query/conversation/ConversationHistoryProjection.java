package io.taskbot.query.conversation;

import io.taskbot.conversation.AssistantFailedEvent;
import io.taskbot.conversation.AssistantRepliedEvent;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationStartedEvent;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.UserMessagePostedEvent;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.user.UserId;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Builds one generation of the conversation history from conversation events, idempotently: messages are keyed by
 * their event's position in the event store (looked up, not taken from the tracking token, whose position is not the
 * event's own when the event committed late), conversations advance only to newer versions. Reports progress to
 * waiting readers while its generation is the one they read.
 */
class ConversationHistoryProjection {

    private final ConversationHistoryStore store;
    private final int generation;
    private final ProjectionProgress<ConversationMark> progress;
    private final BooleanSupplier reportsProgress;
    private final ToLongFunction<EventMessage<?>> positions;

    ConversationHistoryProjection(ConversationHistoryStore store, int generation,
                                  ProjectionProgress<ConversationMark> progress, BooleanSupplier reportsProgress,
                                  ToLongFunction<EventMessage<?>> positions) {
        this.store = store;
        this.generation = generation;
        this.progress = progress;
        this.reportsProgress = reportsProgress;
        this.positions = positions;
    }

    @EventHandler
    void on(ConversationStartedEvent event, @SequenceNumber long version) {
        store.start(event.conversationId(), event.owner(), event.occurredAt(), version);
        reached(event.conversationId(), event.owner(), version);
    }

    @EventHandler
    void on(UserMessagePostedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        UserId owner = store.append(positions.applyAsLong(message), event.conversationId(), Role.USER, event.content(), List.of(), false,
                event.occurredAt(), version);
        reached(event.conversationId(), owner, version);
    }

    @EventHandler
    void on(AssistantRepliedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        UserId owner = store.append(positions.applyAsLong(message), event.conversationId(), Role.ASSISTANT, event.content(), event.toolCalls(), false,
                event.occurredAt(), version);
        reached(event.conversationId(), owner, version);
    }

    @EventHandler
    void on(AssistantFailedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        UserId owner = store.append(positions.applyAsLong(message), event.conversationId(), Role.ASSISTANT, "", List.of(), true,
                event.occurredAt(), version);
        reached(event.conversationId(), owner, version);
    }

    private void reached(ConversationId id, UserId owner, long version) {
        if (reportsProgress.getAsBoolean()) {
            progress.reached(id.value(), generation, version, new ConversationMark(owner, version));
        }
    }
}
