package io.taskbot.agent;

import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ToolCall;

import java.time.Instant;
import java.util.List;

/** What the agent answered and which tools it ran (arguments and results as the JSON it exchanged). */
public record AgentReply(ConversationId conversationId, String response, List<ToolCall> toolCalls, Instant timestamp) {

    public AgentReply {
        toolCalls = List.copyOf(toolCalls);
    }
}
