package io.taskbot.agent.corpus;

import java.util.Map;

/**
 * A tool call as a corpus case sees it, whoever made it: the offline interpreter's action or a {@code tool_calls}
 * entry of a contract 003 answer.
 *
 * @param params the parameters under their contract 003 names; lists as {@code List<String>}
 */
public record ToolCall(String type, Map<String, Object> params) {

    public ToolCall {
        params = params == null ? Map.of() : params;
    }
}
