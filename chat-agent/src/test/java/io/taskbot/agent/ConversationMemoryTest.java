package io.taskbot.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.ToolCall;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationMemoryTest {

    private static final ConversationId ID = new ConversationId("conv_memory");
    private static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void replaysToolCallsAsTheModelSawThem() {
        List<MessageView> history = List.of(
                new MessageView(1, ID, Role.USER, "add buy milk", List.of(), false, AT),
                new MessageView(2, ID, Role.ASSISTANT, "Added \"buy milk\".",
                        List.of(new ToolCall("create_todo", "{\"title\":\"buy milk\"}", "{\"id\":\"5\"}")), false, AT),
                new MessageView(3, ID, Role.USER, "thanks", List.of(), false, AT),
                new MessageView(4, ID, Role.ASSISTANT, "You're welcome.", List.of(), false, AT));

        List<ChatMessage> messages = ConversationMemory.of(history).messages();

        assertThat(messages).hasSize(6);
        assertThat(((UserMessage) messages.get(0)).singleText()).isEqualTo("add buy milk");
        AiMessage request = (AiMessage) messages.get(1);
        assertThat(request.toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("create_todo");
            assertThat(call.arguments()).isEqualTo("{\"title\":\"buy milk\"}");
        });
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) messages.get(2);
        assertThat(result.id()).isEqualTo(request.toolExecutionRequests().get(0).id());
        assertThat(result.text()).isEqualTo("{\"id\":\"5\"}");
        assertThat(((AiMessage) messages.get(3)).text()).isEqualTo("Added \"buy milk\".");
        assertThat(((AiMessage) messages.get(5)).text()).isEqualTo("You're welcome.");
    }
}
