package io.taskbot.app.contract000;

import io.taskbot.agent.AgentReply;
import io.taskbot.agent.AgentTurn;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import io.taskbot.app.web.RequestIds;
import io.taskbot.conversation.MessageView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Talking to the agent in contract 000: a message continues the user's most recent conversation (or the one named
 * by {@code conversation_id}); the history lists what was said, oldest first.
 */
@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageController {

    static final int DEFAULT_LIMIT = 50;

    private final ChatTurns chat;
    private final ErrorResponder errors;
    private final JsonMapper json;

    MessageController(ChatTurns chat, ErrorResponder errors, JsonMapper json) {
        this.chat = chat;
        this.errors = errors;
        this.json = json;
    }

    record MessageRequest(String content, String conversationId) {
    }

    record MessageResponse(String response) {
    }

    /** The contract's four fields, plus the conversation and the assistant's tool calls, so that a client can resume. */
    record HistoryEntry(long id, String role, String content, String timestamp, String conversationId,
                        List<ToolCallEntry> toolCalls) {
    }

    record ToolCallEntry(String type, JsonNode params, JsonNode result) {
    }

    private HistoryEntry entry(MessageView message) {
        return new HistoryEntry(message.id(), message.role().wireName(), message.content(),
                message.timestamp().toString(), message.conversationId().value(),
                message.toolCalls().stream().map(call -> new ToolCallEntry(call.type(),
                        json.readTree(call.paramsJson()), json.readTree(call.resultJson()))).toList());
    }

    /** Takes any content type, so that every body it cannot read gets the contract's one message-format error. */
    @PostMapping
    MessageResponse send(@AuthenticationPrincipal Jwt token, @RequestBody MessageRequest request,
                         @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                         HttpServletRequest http) {
        String content = request.content();
        if (!AgentTurn.hasVisibleText(content) || content.length() > ChatTurns.MAX_MESSAGE_LENGTH) {
            throw new InvalidMessageException();
        }
        AgentReply reply = chat.send(CurrentUser.of(token), request.conversationId(),
                ChatTurns.WhenNoConversationIsGiven.CONTINUE_LATEST, content, ChatTurns.zone(timeZone),
                RequestIds.of(http), http.getHeader("Accept-Language"));
        return new MessageResponse(reply.response());
    }

    @GetMapping("/history")
    List<HistoryEntry> history(@AuthenticationPrincipal Jwt token,
                               @RequestParam(name = "conversation_id", required = false) String conversationId,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Integer offset) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        if (pageSize < 1 || pageSize > 1000) {
            throw new InvalidParameterException("limit must be between 1 and 1000");
        }
        if (skip < 0) {
            throw new InvalidParameterException("offset must not be negative");
        }
        return chat.history(CurrentUser.of(token), conversationId, skip, pageSize).messages().stream()
                .map(this::entry).toList();
    }

    /** Any body this endpoint cannot read is, in contract 000's words, an invalid message format. */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Object> unreadable(Exception exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.INVALID_INPUT, InvalidMessageException.MESSAGE));
    }

    static final class InvalidMessageException extends RuntimeException {

        static final String MESSAGE = "Invalid message format";

        InvalidMessageException() {
            super(MESSAGE, null, false, false);
        }
    }
}
