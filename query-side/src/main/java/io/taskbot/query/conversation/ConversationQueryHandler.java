package io.taskbot.query.conversation;

import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.query.progress.ProjectionProgress;
import org.axonframework.queryhandling.QueryHandler;

import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Answers conversation queries from the history's active generation, looked up per query; a conversation is only
 * ever visible to its owner.
 */
class ConversationQueryHandler {

    private final IntSupplier activeGeneration;
    private final IntFunction<ConversationHistoryStore> stores;
    private final ProjectionProgress<ConversationMark> progress;

    ConversationQueryHandler(IntSupplier activeGeneration, IntFunction<ConversationHistoryStore> stores,
                             ProjectionProgress<ConversationMark> progress) {
        this.activeGeneration = activeGeneration;
        this.stores = stores;
        this.progress = progress;
    }

    private ConversationHistoryStore active() {
        return stores.apply(activeGeneration.getAsInt());
    }

    /**
     * With a {@code minVersion}, waits for the history to hold it and answers from the projection's report (see
     * {@link ProjectionProgress}); if it does not get there in time, answers with what the store holds, which the
     * caller tells apart by the version.
     */
    @QueryHandler
    ConversationLookup handle(FindConversationQuery query) {
        ConversationId id = query.conversationId();
        if (query.minVersion() > FindConversationQuery.ANY_VERSION) {
            Optional<ConversationMark> reached = progress.await(id.value(), query.minVersion(), activeGeneration,
                    version -> active().mark(id).filter(mark -> mark.version() >= version));
            if (reached.isPresent()) {
                return reached.get().lookupFor(query.owner(), id);
            }
        }
        return active().mark(id).map(mark -> mark.lookupFor(query.owner(), id)).orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    ConversationLookup handle(FindLatestConversationQuery query) {
        ConversationHistoryStore store = active();
        return store.latest(query.owner())
                .flatMap(id -> store.version(query.owner(), id).map(version -> new ConversationLookup(id, version)))
                .orElseGet(ConversationLookup::none);
    }

    @QueryHandler
    MessagePage handle(FindRecentMessagesQuery query) {
        ConversationHistoryStore store = active();
        if (store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.recentMessages(query.conversationId(), query.limit()));
    }

    @QueryHandler
    MessagePage handle(FindMessagesQuery query) {
        ConversationHistoryStore store = active();
        if (query.conversationId() != null && store.version(query.owner(), query.conversationId()).isEmpty()) {
            return MessagePage.notFound();
        }
        return new MessagePage(true, store.messages(query.owner(), query.conversationId(), query.offset(),
                query.limit()));
    }
}
