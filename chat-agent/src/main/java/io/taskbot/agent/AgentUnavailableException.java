package io.taskbot.agent;

/** The chat model failed or timed out; the user's message is kept and the failure recorded. */
public class AgentUnavailableException extends RuntimeException {

    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
