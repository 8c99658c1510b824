package io.taskbot.query.conversation;

import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.query.progress.ProjectionProgress;
import org.axonframework.queryhandling.QueryHandler;

/** Answers conversation queries; a conversation is only ever visible to its owner. */
class ConversationQueryHandler {

    private final ConversationHistoryStore store;
    private final ProjectionProgress progress;

    ConversationQueryHandler(ConversationHistoryStore store, ProjectionProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @QueryHandler
    ConversationLookup handle(FindConversationQuery query) {
        if (query.minVersion() > FindConversationQuery.ANY_VERSION) {
            progress.await(query.conversationId().value(), query.minVersion(),
                    () -> store.version(query.conversationId()));
        }
        return store.version(query.owner(), query.conversationId())
                .map(version -> new ConversationLookup(query.conversationId(), version))
                .orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    ConversationLookup handle(FindLatestConversationQuery query) {
        return store.latest(query.owner())
                .flatMap(id -> store.version(query.owner(), id).map(version -> new ConversationLookup(id, version)))
                .orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    MessagePage handle(FindRecentMessagesQuery query) {
        if (store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.recentMessages(query.conversationId(), query.limit()));
    }

    @QueryHandler
    MessagePage handle(FindMessagesQuery query) {
        if (query.conversationId() != null && store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.messages(query.owner(), query.conversationId(), query.offset(),
                query.limit()));
    }
}
