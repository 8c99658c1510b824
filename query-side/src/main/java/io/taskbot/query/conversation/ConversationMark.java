package io.taskbot.query.conversation;

import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.user.UserId;

/** How far one generation of the history has got with a conversation: whose it is and its version there. */
record ConversationMark(UserId owner, long version) {

    /** What {@code requester} learns of it: the version of their own conversation, nothing of anyone else's. */
    ConversationLookup lookupFor(UserId requester, ConversationId id) {
        return owner.equals(requester) ? new ConversationLookup(id, version) : ConversationLookup.none();
    }
}
