package io.taskbot.query.conversation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.ToolCall;
import io.taskbot.query.readmodel.Generations;
import io.taskbot.user.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two collections per generation: {@code conversations} (owner, last activity, version) and
 * {@code conversation_messages}, whose {@code _id} is the event's position in the event store, so that redelivery
 * overwrites nothing and a rebuild gives every message the same id again.
 */
final class ConversationHistoryStore {

    private static final String ID = "_id";
    private static final String OWNER = "owner";
    private static final String CONVERSATION = "conversationId";
    private static final String ROLE = "role";
    private static final String CONTENT = "content";
    private static final String TOOL_CALLS = "toolCalls";
    private static final String FAILED = "failed";
    private static final String TIMESTAMP = "timestamp";
    private static final String STARTED_AT = "startedAt";
    private static final String LAST_ACTIVITY = "lastActivityAt";
    private static final String VERSION = "version";

    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;

    static final String CONVERSATIONS = "conversations";
    static final String MESSAGES = "conversation_messages";

    ConversationHistoryStore(MongoDatabase database, int generation) {
        this.conversations = database.getCollection(Generations.collection(CONVERSATIONS, generation));
        this.messages = database.getCollection(Generations.collection(MESSAGES, generation));
    }

    void createIndexes() {
        conversations.createIndex(Indexes.ascending(OWNER, LAST_ACTIVITY), new IndexOptions().name("owner_activity"));
        messages.createIndex(Indexes.ascending(CONVERSATION, FAILED, ID), new IndexOptions().name("conversation"));
        messages.createIndex(Indexes.ascending(OWNER, FAILED, ID), new IndexOptions().name("owner"));
    }

    void start(ConversationId id, UserId owner, Instant at, long version) {
        conversations.updateOne(Filters.eq(ID, id.value()), Updates.setOnInsert(new Document(OWNER, owner.value())
                        .append(STARTED_AT, Date.from(at))
                        .append(LAST_ACTIVITY, Date.from(at))
                        .append(VERSION, version)),
                new UpdateOptions().upsert(true));
    }

    /** Stores a message under its event position and moves the conversation to {@code version}; returns the owner. */
    UserId append(long position, ConversationId id, Role role, String content, List<ToolCall> toolCalls, boolean failed,
                Instant at, long version) {
        Document conversation = conversations.find(Filters.eq(ID, id.value())).first();
        if (conversation == null) {
            throw new IllegalStateException("message for unknown conversation " + id);
        }
        List<Document> calls = new ArrayList<>();
        for (ToolCall call : toolCalls) {
            calls.add(new Document("type", call.type()).append("params", call.paramsJson())
                    .append("result", call.resultJson()));
        }
        messages.updateOne(Filters.eq(ID, position), Updates.setOnInsert(new Document(CONVERSATION, id.value())
                        .append(OWNER, conversation.getLong(OWNER))
                        .append(ROLE, role.wireName())
                        .append(CONTENT, content)
                        .append(TOOL_CALLS, calls)
                        .append(FAILED, failed)
                        .append(TIMESTAMP, Date.from(at))),
                new UpdateOptions().upsert(true));
        // the version is compared here rather than in the update's filter: the embedded server uses its _id index
        // only for a query on exactly _id; a conversation's events are applied one at a time, in order
        if (conversation.getLong(VERSION) < version) {
            conversations.updateOne(Filters.eq(ID, id.value()),
                    Updates.combine(Updates.set(VERSION, version), Updates.set(LAST_ACTIVITY, Date.from(at))));
        }
        return UserId.of(conversation.getLong(OWNER));
    }

    /** The conversation's version if {@code owner} has it; empty for unknown and foreign conversations alike. */
    Optional<Long> version(UserId owner, ConversationId id) {
        Document conversation = conversations.find(Filters.eq(ID, id.value())).first();
        return Optional.ofNullable(conversation).filter(found -> found.getLong(OWNER) == owner.value())
                .map(document -> document.getLong(VERSION));
    }

    /** Whose the conversation is and the version this generation holds; empty if it has not seen it. */
    Optional<ConversationMark> mark(ConversationId id) {
        return Optional.ofNullable(conversations.find(Filters.eq(ID, id.value())).first())
                .map(document -> new ConversationMark(UserId.of(document.getLong(OWNER)), document.getLong(VERSION)));
    }

    Optional<ConversationId> latest(UserId owner) {
        Document conversation = conversations.find(Filters.eq(OWNER, owner.value()))
                .sort(Sorts.descending(LAST_ACTIVITY, ID)).first();
        return Optional.ofNullable(conversation).map(document -> new ConversationId(document.getString(ID)));
    }

    /** Said messages, oldest first; failed model calls are recorded but are not part of what was said. */
    List<MessageView> messages(UserId owner, ConversationId id, int offset, int limit) {
        Bson scope = id == null ? Filters.eq(OWNER, owner.value()) : Filters.eq(CONVERSATION, id.value());
        List<MessageView> page = new ArrayList<>();
        messages.find(Filters.and(scope, Filters.eq(FAILED, false))).sort(Sorts.ascending(ID)).skip(offset)
                .limit(limit).forEach(document -> page.add(toView(document)));
        return page;
    }

    /** The last {@code limit} said messages of a conversation, oldest first. */
    List<MessageView> recentMessages(ConversationId id, int limit) {
        List<MessageView> newestFirst = new ArrayList<>();
        messages.find(Filters.and(Filters.eq(CONVERSATION, id.value()), Filters.eq(FAILED, false)))
                .sort(Sorts.descending(ID)).limit(limit).forEach(document -> newestFirst.add(toView(document)));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static MessageView toView(Document document) {
        List<ToolCall> calls = new ArrayList<>();
        for (Document call : document.getList(TOOL_CALLS, Document.class, List.of())) {
            calls.add(new ToolCall(call.getString("type"), call.getString("params"), call.getString("result")));
        }
        return new MessageView(document.getLong(ID), new ConversationId(document.getString(CONVERSATION)),
                Role.valueOf(document.getString(ROLE).toUpperCase(Locale.ROOT)), document.getString(CONTENT), calls,
                document.getBoolean(FAILED, false), document.getDate(TIMESTAMP).toInstant());
    }
}
