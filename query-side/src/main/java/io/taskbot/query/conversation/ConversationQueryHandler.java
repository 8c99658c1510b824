package io.taskbot.query.conversation;

import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.query.progress.ProjectionProgress;
import org.axonframework.queryhandling.QueryHandler;

import java.util.function.Supplier;

/**
 * Answers conversation queries from the history's active generation, looked up per query; a conversation is only
 * ever visible to its owner.
 */
class ConversationQueryHandler {

    private final Supplier<ConversationHistoryStore> active;
    private final ProjectionProgress progress;

    ConversationQueryHandler(Supplier<ConversationHistoryStore> active, ProjectionProgress progress) {
        this.active = active;
        this.progress = progress;
    }

    @QueryHandler
    ConversationLookup handle(FindConversationQuery query) {
        if (query.minVersion() > FindConversationQuery.ANY_VERSION) {
            progress.await(query.conversationId().value(), query.minVersion(),
                    () -> active.get().version(query.conversationId()));
        }
        return active.get().version(query.owner(), query.conversationId())
                .map(version -> new ConversationLookup(query.conversationId(), version))
                .orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    ConversationLookup handle(FindLatestConversationQuery query) {
        ConversationHistoryStore store = active.get();
        return store.latest(query.owner())
                .flatMap(id -> store.version(query.owner(), id).map(version -> new ConversationLookup(id, version)))
                .orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    MessagePage handle(FindRecentMessagesQuery query) {
        ConversationHistoryStore store = active.get();
        if (store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.recentMessages(query.conversationId(), query.limit()));
    }

    @QueryHandler
    MessagePage handle(FindMessagesQuery query) {
        ConversationHistoryStore store = active.get();
        if (query.conversationId() != null && store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.messages(query.owner(), query.conversationId(), query.offset(),
                query.limit()));
    }
}
