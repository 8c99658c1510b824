package io.taskbot.app.ratelimit;

import io.taskbot.app.account.TooManyFailedLoginsException;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A login refused for too many failures: 429 with {@code Retry-After}, in the format of the contract asked. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FailedLoginsExceptionHandler {

    private final ErrorResponder errors;

    FailedLoginsExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @ExceptionHandler(TooManyFailedLoginsException.class)
    ResponseEntity<Object> tooManyFailures(TooManyFailedLoginsException exception, HttpServletRequest request) {
        long seconds = Math.max(1, exception.retryAfter().plusNanos(999_999_999L).toSeconds());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return errors.entity(request, ApiError.of(ApiError.Kind.RATE_LIMITED,
                "Too many failed logins for this account; retry in " + seconds + " seconds"), headers);
    }
}
