package io.taskbot.conversation;

/** A conversation as far as its owner may know it; {@code conversationId} is null when there is none. */
public record ConversationLookup(ConversationId conversationId, long version) {

    public static ConversationLookup none() {
        return new ConversationLookup(null, -1);
    }

    public boolean exists() {
        return conversationId != null;
    }

    /** Whether the history shows the conversation at {@code version} or later, e.g. after one's own write. */
    public boolean holds(long version) {
        return exists() && this.version >= version;
    }
}
