package io.taskbot.query.conversation;

import io.taskbot.conversation.AssistantFailedEvent;
import io.taskbot.conversation.AssistantRepliedEvent;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationStartedEvent;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.UserMessagePostedEvent;
import io.taskbot.query.progress.ProjectionProgress;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * Builds the conversation history from conversation events, idempotently: messages are keyed by their event's
 * position in the event store, conversations advance only to newer versions.
 */
@ProcessingGroup(ConversationHistoryProjection.PROCESSING_GROUP)
class ConversationHistoryProjection {

    static final String PROCESSING_GROUP = "conversation-history";

    private final ConversationHistoryStore store;
    private final ProjectionProgress progress;

    ConversationHistoryProjection(ConversationHistoryStore store, ProjectionProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @EventHandler
    void on(ConversationStartedEvent event, @SequenceNumber long version) {
        store.start(event.conversationId(), event.owner(), event.occurredAt(), version);
        reached(event.conversationId(), version);
    }

    @EventHandler
    void on(UserMessagePostedEvent event, @SequenceNumber long version, TrackingToken token) {
        store.append(position(token), event.conversationId(), Role.USER, event.content(), List.of(), false,
                event.occurredAt(), version);
        reached(event.conversationId(), version);
    }

    @EventHandler
    void on(AssistantRepliedEvent event, @SequenceNumber long version, TrackingToken token) {
        store.append(position(token), event.conversationId(), Role.ASSISTANT, event.content(), event.toolCalls(), false,
                event.occurredAt(), version);
        reached(event.conversationId(), version);
    }

    @EventHandler
    void on(AssistantFailedEvent event, @SequenceNumber long version, TrackingToken token) {
        store.append(position(token), event.conversationId(), Role.ASSISTANT, "", List.of(), true,
                event.occurredAt(), version);
        reached(event.conversationId(), version);
    }

    private void reached(ConversationId id, long version) {
        progress.reached(id.value(), version);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("events must come with a position"));
    }
}
