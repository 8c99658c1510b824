package io.taskbot.app.chat;

import io.taskbot.agent.AgentReply;
import io.taskbot.agent.AgentTurn;
import io.taskbot.agent.TaskAgent;
import io.taskbot.app.chat.ChatTurns.InvalidTimeZoneException;
import io.taskbot.app.chat.ChatTurns.WhenNoConversationIsGiven;
import io.taskbot.conversation.ConversationException;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.Role;
import io.taskbot.user.UserId;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a chat message finds its conversation before the agent gets it, over Axon's in-process query bus with
 * in-memory handlers for the conversation read model. The agent is replaced by one that records the turns it gets:
 * its own behaviour is TaskAgentTest's, the whole path the chat ITs'.
 */
class ChatTurnsTest {

    private static final UserId ALICE = UserId.of(7);
    private static final UserId BOB = UserId.of(8);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ConversationId ALICES_OLD = new ConversationId("conv_alice_old");
    private static final ConversationId ALICES_LATEST = new ConversationId("conv_alice_latest");

    /** Conversation ids by owner, the latest last. */
    private final Map<UserId, List<ConversationId>> conversations = new HashMap<>(Map.of(
            ALICE, List.of(ALICES_OLD, ALICES_LATEST)));
    private final List<Object> queries = new ArrayList<>();
    private final List<AgentTurn> turns = new ArrayList<>();
    private final ChatTurns chat;

    ChatTurnsTest() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        handle(bus, FindConversationQuery.class, ConversationLookup.class, find ->
                owns(find.owner(), find.conversationId()) ? new ConversationLookup(find.conversationId(), 3)
                        : ConversationLookup.none());
        handle(bus, FindLatestConversationQuery.class, ConversationLookup.class, find -> {
            List<ConversationId> owned = conversations.getOrDefault(find.owner(), List.of());
            return owned.isEmpty() ? ConversationLookup.none()
                    : new ConversationLookup(owned.get(owned.size() - 1), 3);
        });
        handle(bus, FindMessagesQuery.class, MessagePage.class, find -> {
            if (find.conversationId() != null && !owns(find.owner(), find.conversationId())) {
                return MessagePage.notFound();
            }
            return new MessagePage(true, List.of(new MessageView(1, ALICES_LATEST, Role.USER, "hi", List.of(), false,
                    Instant.parse("2026-03-02T09:30:00Z"))));
        });
        TaskAgent agent = new TaskAgent(null, null, null, null, null) {
            @Override
            public AgentReply converse(AgentTurn turn) {
                turns.add(turn);
                return new AgentReply(turn.conversationId(), "ok", List.of(), Instant.EPOCH);
            }
        };
        chat = new ChatTurns(agent, DefaultQueryGateway.builder().queryBus(bus).build());
    }

    private boolean owns(UserId user, ConversationId id) {
        return conversations.getOrDefault(user, List.of()).contains(id);
    }

    private <Q, R> void handle(SimpleQueryBus bus, Class<Q> type, Class<R> response, Function<Q, R> handler) {
        bus.subscribe(type.getName(), response, (MessageHandler<QueryMessage<?, R>>) message -> {
            queries.add(message.getPayload());
            return handler.apply(type.cast(message.getPayload()));
        });
    }

    @Test
    void aGivenConversationOfTheUserIsContinued() {
        AgentReply reply = chat.send(ALICE, ALICES_OLD.value(), WhenNoConversationIsGiven.START_NEW, "next", BERLIN,
                "req-1");

        assertThat(turns).containsExactly(new AgentTurn(ALICE, ALICES_OLD, "next", BERLIN, "req-1"));
        assertThat(reply.conversationId()).isEqualTo(ALICES_OLD);
        assertThat(queries).containsExactly(new FindConversationQuery(ALICE, ALICES_OLD));
    }

    @Test
    void withoutAConversationIdContract000ContinuesTheLatestAndContract003StartsANewOne() {
        chat.send(ALICE, null, WhenNoConversationIsGiven.CONTINUE_LATEST, "one", BERLIN, "req-1");
        chat.send(ALICE, null, WhenNoConversationIsGiven.START_NEW, "two", BERLIN, "req-2");
        chat.send(BOB, null, WhenNoConversationIsGiven.CONTINUE_LATEST, "first ever", BERLIN, "req-3");

        assertThat(turns.get(0).conversationId()).isEqualTo(ALICES_LATEST);
        assertThat(turns.get(1).conversationId()).isNotIn(ALICES_OLD, ALICES_LATEST);
        assertThat(ConversationId.isWellFormed(turns.get(1).conversationId().value())).isTrue();
        // Bob has none yet: a new one is started for him
        assertThat(turns.get(2).conversationId()).isNotIn(ALICES_OLD, ALICES_LATEST, turns.get(1).conversationId());
        assertThat(turns).extracting(AgentTurn::user).containsExactly(ALICE, ALICE, BOB);
    }

    @Test
    void someoneElsesUnknownOrMalformedConversationIsNotFoundAndNeverReachesTheAgent() {
        for (String id : new String[]{ALICES_OLD.value(), "conv_nobody", "../../etc/passwd", "", "a".repeat(65)}) {
            assertThatThrownBy(() -> chat.send(BOB, id, WhenNoConversationIsGiven.CONTINUE_LATEST, "hi", BERLIN,
                    "req")).as(id).isInstanceOf(ConversationException.class).hasMessage("Conversation not found");
        }
        assertThat(turns).isEmpty();
        // a malformed id is refused without asking the read model
        assertThat(queries).hasSize(2);
    }

    @Test
    void historyIsTheUsersOwnInOneConversationOrAll() {
        assertThat(chat.history(ALICE, ALICES_LATEST.value(), 0, 50).messages()).hasSize(1);
        assertThat(chat.history(ALICE, null, 10, 5).found()).isTrue();
        assertThat(queries).contains(new FindMessagesQuery(ALICE, ALICES_LATEST, 0, 50),
                new FindMessagesQuery(ALICE, null, 10, 5));

        assertThatThrownBy(() -> chat.history(BOB, ALICES_LATEST.value(), 0, 50))
                .isInstanceOf(ConversationException.class);
        assertThat(queries).doesNotContain(new FindMessagesQuery(BOB, ALICES_LATEST, 0, 50));
    }

    @Test
    void theTimeZoneHeaderIsAnIanaNameOrAbsent() {
        assertThat(ChatTurns.zone(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(ChatTurns.zone("  ")).isEqualTo(ZoneOffset.UTC);
        assertThat(ChatTurns.zone(" Europe/Berlin ")).isEqualTo(BERLIN);
        for (String header : new String[]{"Mars/Olympus", "Europe/Berlin; drop table", "+99:00"}) {
            assertThatThrownBy(() -> ChatTurns.zone(header)).as(header)
                    .isInstanceOf(InvalidTimeZoneException.class)
                    .hasMessage("X-Time-Zone must be an IANA time zone such as Europe/Berlin");
        }
    }
}
