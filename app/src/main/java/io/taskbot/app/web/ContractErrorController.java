package io.taskbot.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
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
        if (status >= 500 && exception instanceof Throwable failure) {
            log.error("Request to {} failed", ErrorResponder.pathOf(request), failure);
        }
        ApiError.Kind kind = ApiError.Kind.forStatus(status);
        String message = status >= 500 ? "Internal server error" : ApiExceptionHandler.defaultMessage(kind);
        return errors.entity(request, ApiError.of(kind, message));
    }
}
