package io.taskbot.messaging;

/**
 * The way a change reached Taskbot: one of the three API contracts, the MCP server, or a chat conversation. Recorded
 * in the metadata of every event as a plain string, e.g. {@code api-v1} or {@code chat:conv_3f2a}.
 */
public record Channel(String value) {

    /** Contract 000, served under {@code /api/v1}. */
    public static final Channel API_V1 = new Channel("api-v1");
    /** Contract 003, served under {@code /api/chat}. */
    public static final Channel CHAT_API = new Channel("api-chat");
    /** Contract 004, served under {@code /v1}. */
    public static final Channel V1 = new Channel("v1");
    /** The MCP server at {@code /mcp}: an AI assistant using the agent's tools. */
    public static final Channel MCP = new Channel("mcp");

    public Channel {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name");
        }
    }

    public static Channel conversation(String conversationId) {
        return new Channel("chat:" + conversationId);
    }

    @Override
    public String toString() {
        return value;
    }
}
