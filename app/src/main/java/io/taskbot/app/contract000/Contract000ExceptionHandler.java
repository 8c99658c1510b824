package io.taskbot.app.contract000;

import io.taskbot.agent.AgentUnavailableException;
import io.taskbot.app.account.AccountException;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.conversation.ConversationException;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import io.taskbot.task.TaskException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How contract 000 words the domain's refusals: someone else's or a deleted task is simply "Task not found". */
@RestControllerAdvice(basePackageClasses = Contract000ExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Contract000ExceptionHandler {

    private final ErrorResponder errors;

    Contract000ExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(TaskException.class)
    ResponseEntity<Object> task(TaskException exception, HttpServletRequest request) {
        return errors.entity(request, switch (exception.code()) {
            case NOT_FOUND, NOT_OWNER, DELETED -> ApiError.of(ApiError.Kind.NOT_FOUND, "Task not found");
            case NOTHING_TO_UNDO -> ApiError.of(ApiError.Kind.CONFLICT, exception.getMessage());
            default -> ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage());
        });
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Object> account(AccountException exception, HttpServletRequest request) {
        return errors.entity(request, switch (exception.reason()) {
            case DUPLICATE -> ApiError.of(ApiError.Kind.INVALID_INPUT, "Username or email already registered");
            case INVALID_CREDENTIALS -> ApiError.of(ApiError.Kind.UNAUTHORIZED, "Incorrect username or password");
            default -> ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage());
        });
    }

    @ExceptionHandler(MessageController.InvalidMessageException.class)
    ResponseEntity<Object> invalidMessage(MessageController.InvalidMessageException exception,
                                          HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage()));
    }

    @ExceptionHandler(ConversationException.class)
    ResponseEntity<Object> conversation(ConversationException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.NOT_FOUND, "Conversation not found"));
    }

    @ExceptionHandler(AgentUnavailableException.class)
    ResponseEntity<Object> agentUnavailable(AgentUnavailableException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.UNAVAILABLE,
                "The assistant is unavailable right now, please try again"));
    }

    @ExceptionHandler(ChatTurns.InvalidTimeZoneException.class)
    ResponseEntity<Object> invalidTimeZone(ChatTurns.InvalidTimeZoneException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage()));
    }

    @ExceptionHandler({MissingFieldException.class, InvalidParameterException.class})
    ResponseEntity<Object> invalid(RuntimeException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage()));
    }
}
