package io.taskbot.messaging;

/**
 * A write was stored, but the read model did not show it within the read-your-writes timeout. Each channel tells its
 * client so in its own way (the APIs with a 503 and Retry-After, the agent's tools with a tool error); the write is
 * not undone.
 */
public class ReadModelLagException extends RuntimeException {

    public ReadModelLagException(String message) {
        super(message, null, false, false);
    }
}
