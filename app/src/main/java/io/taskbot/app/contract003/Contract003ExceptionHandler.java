package io.taskbot.app.contract003;

import io.taskbot.agent.AgentUnavailableException;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import io.taskbot.conversation.ConversationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Contract 003's error codes for what can go wrong in a chat turn. */
@RestControllerAdvice(basePackageClasses = Contract003ExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Contract003ExceptionHandler {

    private final ErrorResponder errors;

    Contract003ExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(InvalidChatRequestException.class)
    ResponseEntity<Object> invalid(InvalidChatRequestException exception, HttpServletRequest request) {
        return errors.entity(request, new ApiError(ApiError.Kind.INVALID_INPUT, "INVALID_REQUEST",
                exception.getMessage(), null));
    }

    @ExceptionHandler(ChatTurns.InvalidTimeZoneException.class)
    ResponseEntity<Object> invalidTimeZone(ChatTurns.InvalidTimeZoneException exception, HttpServletRequest request) {
        return errors.entity(request, new ApiError(ApiError.Kind.INVALID_INPUT, "INVALID_REQUEST",
                exception.getMessage(), null));
    }

    @ExceptionHandler(ConversationException.class)
    ResponseEntity<Object> conversation(ConversationException exception, HttpServletRequest request) {
        return errors.entity(request, new ApiError(ApiError.Kind.NOT_FOUND, "CONVERSATION_NOT_FOUND",
                "Conversation not found", null));
    }

    @ExceptionHandler(AgentUnavailableException.class)
    ResponseEntity<Object> unavailable(AgentUnavailableException exception, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return errors.entity(request, new ApiError(ApiError.Kind.UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The AI service is temporarily unavailable", null), headers);
    }
}
