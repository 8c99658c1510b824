package io.taskbot.conversation;

/**
 * One tool the assistant ran while answering: its name (contract 003's {@code type}), its arguments and its result,
 * both as the JSON text the agent exchanged, so that the history shows exactly what happened.
 */
public record ToolCall(String type, String paramsJson, String resultJson) {
}
