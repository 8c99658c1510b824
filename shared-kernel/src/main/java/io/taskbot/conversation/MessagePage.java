package io.taskbot.conversation;

import java.util.List;

/** The answer to a {@link FindMessagesQuery}. */
public record MessagePage(boolean found, List<MessageView> messages) {

    public MessagePage {
        messages = List.copyOf(messages);
    }

    public static MessagePage notFound() {
        return new MessagePage(false, List.of());
    }
}
