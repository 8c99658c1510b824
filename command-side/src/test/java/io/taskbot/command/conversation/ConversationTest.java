package io.taskbot.command.conversation;

import io.taskbot.conversation.AssistantFailedEvent;
import io.taskbot.conversation.AssistantRepliedEvent;
import io.taskbot.conversation.ConversationException;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationStartedEvent;
import io.taskbot.conversation.PostUserMessageCommand;
import io.taskbot.conversation.RecordAssistantFailureCommand;
import io.taskbot.conversation.RecordAssistantReplyCommand;
import io.taskbot.conversation.ToolCall;
import io.taskbot.conversation.UserMessagePostedEvent;
import io.taskbot.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class ConversationTest {

    private static final ConversationId ID = new ConversationId("conv_test");
    private static final UserId OWNER = UserId.of(3);
    private static final UserId STRANGER = UserId.of(4);
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-21T09:00:01Z");

    private AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    @Test
    void theFirstMessageStartsTheConversation() {
        fixture.givenNoPriorActivity()
                .when(new PostUserMessageCommand(ID, OWNER, "add buy milk", T0))
                .expectEvents(new ConversationStartedEvent(ID, OWNER, T0),
                        new UserMessagePostedEvent(ID, "add buy milk", T0))
                .expectResultMessagePayload(1L);
    }

    @Test
    void laterMessagesContinueIt() {
        fixture.given(new ConversationStartedEvent(ID, OWNER, T0), new UserMessagePostedEvent(ID, "hi", T0))
                .when(new PostUserMessageCommand(ID, OWNER, "list my tasks", T1))
                .expectEvents(new UserMessagePostedEvent(ID, "list my tasks", T1))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordsTheReplyWithItsToolCalls() {
        List<ToolCall> calls = List.of(new ToolCall("create_todo", "{\"title\":\"buy milk\"}", "{\"id\":\"1\"}"));
        fixture.given(new ConversationStartedEvent(ID, OWNER, T0), new UserMessagePostedEvent(ID, "add buy milk", T0))
                .when(new RecordAssistantReplyCommand(ID, OWNER, "Added 'buy milk'.", calls, T1))
                .expectEvents(new AssistantRepliedEvent(ID, "Added 'buy milk'.", calls, T1));
    }

    @Test
    void recordsAFailedModelCall() {
        fixture.given(new ConversationStartedEvent(ID, OWNER, T0), new UserMessagePostedEvent(ID, "hello", T0))
                .when(new RecordAssistantFailureCommand(ID, OWNER, "model timed out", T1))
                .expectEvents(new AssistantFailedEvent(ID, "model timed out", T1));
    }

    @Test
    void nobodyElseCanPostToAConversation() {
        fixture.given(new ConversationStartedEvent(ID, OWNER, T0))
                .when(new PostUserMessageCommand(ID, STRANGER, "mine now", T1))
                .expectException(ConversationException.class)
                .expectNoEvents();
    }

    @Test
    void nobodyElseCanRecordReplies() {
        fixture.given(new ConversationStartedEvent(ID, OWNER, T0))
                .when(new RecordAssistantReplyCommand(ID, STRANGER, "x", List.of(), T1))
                .expectException(ConversationException.class)
                .expectNoEvents();
    }
}
