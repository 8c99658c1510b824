package io.taskbot.conversation;

/** The conversation does not exist for this user (it is unknown, or someone else's). */
public class ConversationException extends RuntimeException {

    public ConversationException(String message) {
        super(message, null, false, false);
    }
}
