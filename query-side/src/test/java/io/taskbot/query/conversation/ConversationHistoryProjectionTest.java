package io.taskbot.query.conversation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.taskbot.conversation.AssistantFailedEvent;
import io.taskbot.conversation.AssistantRepliedEvent;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.ConversationStartedEvent;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.ToolCall;
import io.taskbot.conversation.UserMessagePostedEvent;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.user.UserId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationHistoryProjectionTest {

    private static final UserId ALICE = UserId.of(1);
    private static final UserId BOB = UserId.of(2);
    private static final ConversationId FIRST = new ConversationId("conv_first");
    private static final ConversationId SECOND = new ConversationId("conv_second");
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ConversationHistoryProjection projection;
    private ConversationQueryHandler queries;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ConversationHistoryStore store = new ConversationHistoryStore(client.getDatabase("history-test"), 1);
        store.createIndexes();
        ProjectionProgress<ConversationMark> progress = new ProjectionProgress<>(Duration.ofMillis(200));
        projection = new ConversationHistoryProjection(store, 1, progress, () -> true,
                message -> positions.get(message.getIdentifier()));
        queries = new ConversationQueryHandler(() -> 1, generation -> store, progress);
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdown();
    }

    /** Positions of the stored events these tests deliver, by event identifier. */
    private final Map<String, Long> positions = new HashMap<>();

    /** A stored event at {@code position}: the projection looks positions up by event identifier. */
    private EventMessage<?> at(long position) {
        EventMessage<?> stored = GenericEventMessage.asEventMessage("event at " + position);
        positions.put(stored.getIdentifier(), position);
        return stored;
    }

    private void aliceTalks() {
        projection.on(new ConversationStartedEvent(FIRST, ALICE, T0), 0);
        projection.on(new UserMessagePostedEvent(FIRST, "add buy milk", T0), 1, at(10));
        projection.on(new AssistantRepliedEvent(FIRST, "Added 'buy milk'.",
                List.of(new ToolCall("create_todo", "{\"title\":\"buy milk\"}", "{\"id\":\"4\"}")),
                T0.plusSeconds(1)), 2, at(11));
    }

    @Test
    void keepsWhatWasSaidInOrderWithToolCalls() {
        aliceTalks();

        MessagePage page = queries.handle(new FindMessagesQuery(ALICE, FIRST, 0, 50));
        assertThat(page.found()).isTrue();
        assertThat(page.messages()).extracting(MessageView::id).containsExactly(10L, 11L);
        assertThat(page.messages()).extracting(MessageView::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(page.messages().get(1).toolCalls())
                .containsExactly(new ToolCall("create_todo", "{\"title\":\"buy milk\"}", "{\"id\":\"4\"}"));
        assertThat(page.messages().get(0).timestamp()).isEqualTo(T0);
    }

    @Test
    void redeliveryChangesNothing() {
        aliceTalks();
        aliceTalks();

        assertThat(queries.handle(new FindMessagesQuery(ALICE, FIRST, 0, 50)).messages()).hasSize(2);
        assertThat(queries.handle(new FindConversationQuery(ALICE, FIRST)).version()).isEqualTo(2);
    }

    @Test
    void failuresAreRecordedButNotPartOfTheHistory() {
        aliceTalks();
        projection.on(new UserMessagePostedEvent(FIRST, "and more", T0), 3, at(12));
        projection.on(new AssistantFailedEvent(FIRST, "model timed out", T0), 4, at(13));

        assertThat(queries.handle(new FindMessagesQuery(ALICE, FIRST, 0, 50)).messages())
                .extracting(MessageView::content).containsExactly("add buy milk", "Added 'buy milk'.", "and more");
        assertThat(queries.handle(new FindConversationQuery(ALICE, FIRST)).version()).isEqualTo(4);
    }

    @Test
    void aConversationIsOnlyItsOwners() {
        aliceTalks();

        assertThat(queries.handle(new FindMessagesQuery(BOB, FIRST, 0, 50)).found()).isFalse();
        assertThat(queries.handle(new FindConversationQuery(BOB, FIRST)).exists()).isFalse();
        assertThat(queries.handle(new FindLatestConversationQuery(BOB)).exists()).isFalse();
        assertThat(queries.handle(new FindMessagesQuery(BOB, null, 0, 50)).messages()).isEmpty();
    }

    @Test
    void coversEveryConversationWithoutAnIdAndFindsTheLatest() {
        aliceTalks();
        projection.on(new ConversationStartedEvent(SECOND, ALICE, T0.plusSeconds(60)), 0);
        projection.on(new UserMessagePostedEvent(SECOND, "hi", T0.plusSeconds(60)), 1, at(20));

        assertThat(queries.handle(new FindMessagesQuery(ALICE, null, 0, 50)).messages())
                .extracting(MessageView::id).containsExactly(10L, 11L, 20L);
        assertThat(queries.handle(new FindMessagesQuery(ALICE, null, 1, 1)).messages())
                .extracting(MessageView::id).containsExactly(11L);
        ConversationLookup latest = queries.handle(new FindLatestConversationQuery(ALICE));
        assertThat(latest.conversationId()).isEqualTo(SECOND);
    }

    @Test
    void theRecentMessagesAreTheLastOnesOldestFirst() {
        aliceTalks();
        projection.on(new UserMessagePostedEvent(FIRST, "third", T0), 3, at(12));

        assertThat(queries.handle(new FindRecentMessagesQuery(ALICE, FIRST, 2)).messages())
                .extracting(MessageView::content).containsExactly("Added 'buy milk'.", "third");
        assertThat(queries.handle(new FindRecentMessagesQuery(BOB, FIRST, 2)).found()).isFalse();
    }

    @Test
    void waitsForTheAskedForVersion() {
        aliceTalks();

        assertThat(queries.handle(new FindConversationQuery(ALICE, FIRST, 2)).version()).isEqualTo(2);
        assertThat(queries.handle(new FindConversationQuery(ALICE, FIRST, 3)).version())
                .as("after the timeout the current version is returned").isEqualTo(2);
    }
}
