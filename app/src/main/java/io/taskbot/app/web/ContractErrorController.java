package io.taskbot.app.web;

import io.taskbot.app.storage.StorageFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: renders whatever reached it (an exception no handler took, a status set by a
 * filter) in the format of the contract of the original path, without a stack trace.
 */
@RestController
class ContractErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ContractErrorController.class);

    private final ErrorResponder errors;

    ContractErrorController(ErrorResponder errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 404;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && exception instanceof Throwable failure && StorageFailures.isStorageFailure(failure)) {
            // a filter (authentication, rate limits) could not reach a store: try again, as with any other request
            log.warn("Request to {} failed because a store is unavailable: {}", ErrorResponder.pathOf(request),
                    failure.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, StorageFailures.RETRY_AFTER_SECONDS);
            return errors.entity(request, ApiExceptionHandler.STORE_UNAVAILABLE, headers);
        }
        if (status >= 500 && exception instanceof Throwable failure) {
            log.error("Request to {} failed", ErrorResponder.pathOf(request), failure);
        }
        ApiError.Kind kind = ApiError.Kind.forStatus(status);
        String message = status >= 500 ? "Internal server error" : ApiExceptionHandler.defaultMessage(kind);
        return errors.entity(request, ApiError.of(kind, message));
    }
}
