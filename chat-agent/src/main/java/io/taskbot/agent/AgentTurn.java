package io.taskbot.agent;

import io.taskbot.conversation.ConversationId;
import io.taskbot.user.UserId;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One message to the agent, with everything the authenticated request knows: who (from the verified token, never
 * from the body), which conversation, the user's time zone, the request id for the events' metadata, and the
 * request's {@code Accept-Language} (or {@code null}), which tells how the user writes numeric dates.
 */
public record AgentTurn(UserId user, ConversationId conversationId, String message, ZoneId zone,
                        String correlationId, String acceptLanguage) {

    /** A turn without the request's {@code Accept-Language}. */
    public AgentTurn(UserId user, ConversationId conversationId, String message, ZoneId zone, String correlationId) {
        this(user, conversationId, message, zone, correlationId, null);
    }

    public AgentTurn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /**
     * Whether a message has anything to read: not only blanks, control or zero-width characters. Chat models
     * (LangChain4j's user message included) refuse such text, so the API turns it away as a client mistake first.
     */
    public static boolean hasVisibleText(String message) {
        return message != null && message.codePoints().anyMatch(c -> !Character.isWhitespace(c)
                && !Character.isSpaceChar(c) && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT);
    }
}
