package io.taskbot.app.admin;

import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the admin endpoints. {@code /api/admin} belongs to none of the three contracts, so its errors take the
 * contract-neutral format of every path outside them: {@code {"error": {"code", "message"}}}.
 */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

    private final ErrorResponder errors;

    AdminExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<Object> unknown(UnknownResourceException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.NOT_FOUND, exception.getMessage()));
    }
}
