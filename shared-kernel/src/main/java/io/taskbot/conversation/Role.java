package io.taskbot.conversation;

import java.util.Locale;

/** Who wrote a message of a conversation. */
public enum Role {
    USER, ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
