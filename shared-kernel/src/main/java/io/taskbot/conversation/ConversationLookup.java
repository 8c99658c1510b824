package io.taskbot.conversation;

/** A conversation as far as its owner may know it; {@code conversationId} is null when there is none. */
public record ConversationLookup(ConversationId conversationId, long version) {

    public static ConversationLookup none() {
        return new ConversationLookup(null, -1);
    }

    public boolean exists() {
        return conversationId != null;
    }
}
