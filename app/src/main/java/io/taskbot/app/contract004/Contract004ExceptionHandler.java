package io.taskbot.app.contract004;

import io.taskbot.app.account.AccountException;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import io.taskbot.task.TaskException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How contract 004 names the domain's refusals: someone else's task is 403 FORBIDDEN, a taken e-mail 409
 * DUPLICATE_EMAIL, wrong credentials 401 INVALID_CREDENTIALS, and every broken rule 400 INVALID_INPUT.
 */
@RestControllerAdvice(basePackageClasses = Contract004ExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Contract004ExceptionHandler {

    private final ErrorResponder errors;

    Contract004ExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(TaskException.class)
    ResponseEntity<Object> task(TaskException exception, HttpServletRequest request) {
        return errors.entity(request, switch (exception.code()) {
            case NOT_OWNER -> ApiError.of(ApiError.Kind.FORBIDDEN, "You do not have permission to access this task");
            case NOT_FOUND, DELETED -> ApiError.of(ApiError.Kind.NOT_FOUND, "Task not found");
            case NOTHING_TO_UNDO -> new ApiError(ApiError.Kind.CONFLICT, "NOTHING_TO_UNDO", exception.getMessage(),
                    null);
            default -> ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage());
        });
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Object> account(AccountException exception, HttpServletRequest request) {
        return errors.entity(request, switch (exception.reason()) {
            case DUPLICATE -> new ApiError(ApiError.Kind.CONFLICT, "DUPLICATE_EMAIL", "Email already exists", null);
            case INVALID_CREDENTIALS -> new ApiError(ApiError.Kind.UNAUTHORIZED, "INVALID_CREDENTIALS",
                    "Invalid email or password", null);
            default -> ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage());
        });
    }

    @ExceptionHandler(ChatTurns.InvalidTimeZoneException.class)
    ResponseEntity<Object> invalidTimeZone(ChatTurns.InvalidTimeZoneException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.INVALID_INPUT, exception.getMessage()));
    }

    @ExceptionHandler(V1Failure.class)
    ResponseEntity<Object> refused(V1Failure failure, HttpServletRequest request) {
        return errors.entity(request, failure.error());
    }
}
