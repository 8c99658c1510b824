package io.taskbot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation as the history read model has it. {@code id} is the position of its event in the
 * event store: unique, increasing, and the same after a rebuild.
 */
public record MessageView(long id, ConversationId conversationId, Role role, String content, List<ToolCall> toolCalls,
                          boolean failed, Instant timestamp) {

    public MessageView {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
