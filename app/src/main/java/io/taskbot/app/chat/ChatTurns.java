package io.taskbot.app.chat;

import io.taskbot.agent.AgentReply;
import io.taskbot.agent.AgentTurn;
import io.taskbot.agent.TaskAgent;
import io.taskbot.conversation.ConversationException;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindLatestConversationQuery;
import io.taskbot.conversation.FindMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.user.UserId;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Routes a chat message to the right conversation of the authenticated user and hands it to the agent. */
@Component
public class ChatTurns {

    /** The longest message the agent takes. */
    public static final int MAX_MESSAGE_LENGTH = 4000;

    private final TaskAgent agent;
    private final QueryGateway queries;

    ChatTurns(TaskAgent agent, QueryGateway queries) {
        this.agent = agent;
        this.queries = queries;
    }

    public enum WhenNoConversationIsGiven { CONTINUE_LATEST, START_NEW }

    /**
     * @param conversationId the client's conversation id, or null
     * @throws ConversationException when the given conversation is unknown or someone else's
     */
    public AgentReply send(UserId user, String conversationId, WhenNoConversationIsGiven whenAbsent, String message,
                           ZoneId zone, String requestId) {
        return send(user, conversationId, whenAbsent, message, zone, requestId, null);
    }

    /** @param acceptLanguage the request's {@code Accept-Language} header, or null: how the user writes "3/4" */
    public AgentReply send(UserId user, String conversationId, WhenNoConversationIsGiven whenAbsent, String message,
                           ZoneId zone, String requestId, String acceptLanguage) {
        ConversationId conversation = conversationId != null ? owned(user, conversationId)
                : whenAbsent == WhenNoConversationIsGiven.CONTINUE_LATEST ? latestOrNew(user)
                : ConversationId.random();
        return agent.converse(new AgentTurn(user, conversation, message, zone, requestId, acceptLanguage));
    }

    /** A page of the user's messages, oldest first, in one conversation or in all of them. */
    public MessagePage history(UserId user, String conversationId, int offset, int limit) {
        ConversationId conversation = conversationId == null ? null : owned(user, conversationId);
        MessagePage page = query(new FindMessagesQuery(user, conversation, offset, limit), MessagePage.class);
        if (!page.found()) {
            throw notFound();
        }
        return page;
    }

    /** The user's zone from an IANA name (the {@code X-Time-Zone} header); UTC when there is none. */
    public static ZoneId zone(String header) {
        if (header == null || header.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(header.strip());
        } catch (DateTimeException e) {
            throw new InvalidTimeZoneException();
        }
    }

    /** The {@code X-Time-Zone} header named no time zone. */
    public static final class InvalidTimeZoneException extends RuntimeException {
        InvalidTimeZoneException() {
            super("X-Time-Zone must be an IANA time zone such as Europe/Berlin", null, false, false);
        }
    }

    private ConversationId owned(UserId user, String conversationId) {
        if (!ConversationId.isWellFormed(conversationId)) {
            throw notFound();
        }
        ConversationId id = new ConversationId(conversationId);
        if (!query(new FindConversationQuery(user, id), ConversationLookup.class).exists()) {
            throw notFound();
        }
        return id;
    }

    private ConversationId latestOrNew(UserId user) {
        ConversationLookup latest = query(new FindLatestConversationQuery(user), ConversationLookup.class);
        return latest.exists() ? latest.conversationId() : ConversationId.random();
    }

    private static ConversationException notFound() {
        return new ConversationException("Conversation not found");
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    private <R> R query(Object query, Class<R> type) {
        return queries.query(query, type).join();
    }
}
