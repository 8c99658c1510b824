package io.taskbot.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's memory of a conversation, made for one turn from the conversation history read model: that read model
 * is the one source of truth, and what the turn adds is recorded as events, not written here. An answer that ran
 * tools is replayed as the model saw it — the tool requests, their results, then the words — so that "the second
 * one" and "it" keep their meaning across turns.
 */
final class ConversationMemory {

    private ConversationMemory() {
    }

    /** Room for the turn's own tool requests and results on top of the replayed history. */
    private static final int ROOM_FOR_THE_TURN = 50;

    static ChatMemory of(List<MessageView> history) {
        List<ChatMessage> messages = toChatMessages(history);
        ChatMemory memory = MessageWindowChatMemory.builder()
                // the history is already cut to size; the window must not evict half of a tool exchange from it
                .maxMessages(messages.size() + ROOM_FOR_THE_TURN)
                // each turn brings a fresh system prompt (clock, tasks); models expect it first
                .alwaysKeepSystemMessageFirst(true)
                .build();
        for (ChatMessage message : messages) {
            memory.add(message);
        }
        return memory;
    }

    static List<ChatMessage> toChatMessages(List<MessageView> history) {
        List<ChatMessage> messages = new ArrayList<>();
        for (MessageView message : history) {
            if (message.role() == Role.USER) {
                messages.add(UserMessage.from(message.content()));
                continue;
            }
            if (!message.toolCalls().isEmpty()) {
                List<ToolExecutionRequest> requests = new ArrayList<>();
                for (int i = 0; i < message.toolCalls().size(); i++) {
                    ToolCall call = message.toolCalls().get(i);
                    requests.add(ToolExecutionRequest.builder().id(callId(message, i)).name(call.type())
                            .arguments(call.paramsJson()).build());
                }
                messages.add(AiMessage.from(requests));
                for (int i = 0; i < message.toolCalls().size(); i++) {
                    ToolCall call = message.toolCalls().get(i);
                    messages.add(ToolExecutionResultMessage.from(callId(message, i), call.type(), call.resultJson()));
                }
            }
            messages.add(AiMessage.from(message.content()));
        }
        return messages;
    }

    private static String callId(MessageView message, int index) {
        return "call_" + message.id() + "_" + index;
    }
}
