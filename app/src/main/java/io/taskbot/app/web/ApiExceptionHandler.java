package io.taskbot.app.web;

import com.mongodb.MongoException;
import io.taskbot.app.storage.StorageFailures;
import io.taskbot.messaging.ReadModelLagException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.common.AxonException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.MessageSourceResolvable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Turns Spring MVC's own failures (bad JSON, wrong types, unknown paths, unsupported methods and media types) into
 * a clear message in the format of the contract the request was for. Domain errors are mapped by each contract's
 * own advice, which knows how that contract names them.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final ApiError STORE_UNAVAILABLE = ApiError.of(ApiError.Kind.UNAVAILABLE,
            "The server cannot reach its storage right now; try again later");
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponder errors;

    ApiExceptionHandler(ErrorResponder errors) {
        this.errors = errors;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ApiError error = describe(exception, statusCode);
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (statusCode.is5xxServerError()) {
            // e.g. an answer that cannot be written: Spring reports it, but it is this application's bug
            log.error("{} {} failed", servletRequest.getMethod(), ErrorResponder.pathOf(servletRequest), exception);
        }
        return errors.entity(servletRequest, error, headers == null ? new HttpHeaders() : headers);
    }

    /** Another writer changed the same task at the same moment, and the retries did not get through either. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.CONFLICT,
                "The task was changed by another request at the same time; try again"));
    }

    /**
     * Whatever no handler knows is a bug: logged once, with its stack trace, and answered 500 in the contract's
     * format without any detail. Security's own exceptions go back to its filters, which answer 401/403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception;
        }
        if (isClientGone(exception)) {
            log.debug("{} {}: the client went away", request.getMethod(), ErrorResponder.pathOf(request));
            return null;
        }
        if (StorageFailures.isStorageFailure(exception)) {
            // a store failure that reached here wrapped (a query's CompletionException) is the same 503
            return storeUnavailable(exception, request);
        }
        log.error("{} {} failed", request.getMethod(), ErrorResponder.pathOf(request), exception);
        return errors.entity(request, ApiError.of(ApiError.Kind.INTERNAL, "Internal server error"));
    }

    /** Tomcat's ClientAbortException: the client closed the connection before the answer was written. */
    private static boolean isClientGone(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(ReadModelLagException.class)
    ResponseEntity<Object> readModelBehind(ReadModelLagException exception, HttpServletRequest request) {
        return errors.entity(request, ApiError.of(ApiError.Kind.UNAVAILABLE, exception.getMessage()),
                retryAfterOneSecond());
    }

    /**
     * A store that cannot read or write right now (a full disk, a store that closed itself, a database away) is a
     * {@code 503} with {@code Retry-After}: nothing was acknowledged, and the same request works once it is back.
     * Anything else the stores throw is a bug, logged and answered with a {@code 500}.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, MongoException.class,
            AxonException.class, UncheckedIOException.class})
    ResponseEntity<Object> storeFailed(RuntimeException exception, HttpServletRequest request) {
        if (StorageFailures.isStorageFailure(exception)) {
            return storeUnavailable(exception, request);
        }
        log.error("Request to {} failed", ErrorResponder.pathOf(request), exception);
        return errors.entity(request, ApiError.of(ApiError.Kind.INTERNAL, "Internal server error"));
    }

    private ResponseEntity<Object> storeUnavailable(Exception exception, HttpServletRequest request) {
        log.warn("Request to {} failed because a store is unavailable: {}", ErrorResponder.pathOf(request),
                exception.toString());
        return errors.entity(request, STORE_UNAVAILABLE, retryAfter(StorageFailures.RETRY_AFTER_SECONDS));
    }

    private static HttpHeaders retryAfter(String seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, seconds);
        return headers;
    }

    private static HttpHeaders retryAfterOneSecond() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }

    private static ApiError describe(Exception exception, HttpStatusCode statusCode) {
        ApiError.Kind kind = ApiError.Kind.forStatus(statusCode.value());
        if (exception instanceof HttpMessageNotReadableException unreadable) {
            return describeUnreadable(unreadable);
        }
        if (exception instanceof HttpRequestMethodNotSupportedException method) {
            return ApiError.of(kind, "Method " + method.getMethod() + " is not allowed here");
        }
        if (exception instanceof HttpMediaTypeNotSupportedException media) {
            String given = media.getContentType() == null ? "(none)" : "'" + media.getContentType() + "'";
            return ApiError.of(kind, "Unsupported content type " + given + "; send application/json");
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return ApiError.of(kind, "This endpoint only produces application/json");
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, "Invalid value for '" + mismatch.getName() + "'");
        }
        if (exception instanceof MissingServletRequestParameterException missing) {
            return ApiError.of(kind, "Missing parameter '" + missing.getParameterName() + "'");
        }
        if (exception instanceof MethodArgumentNotValidException invalid) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, invalid.getBindingResult().getAllErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage)
                    .collect(Collectors.joining("; ")));
        }
        if (exception instanceof HandlerMethodValidationException invalid) {
            // the constraints' messages are written as whole sentences naming the parameter, in the contract's words
            return ApiError.of(ApiError.Kind.INVALID_INPUT, invalid.getAllErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage)
                    .collect(Collectors.joining("; ")));
        }
        if (exception instanceof NoResourceFoundException) {
            return ApiError.of(ApiError.Kind.NOT_FOUND, "Not found");
        }
        return ApiError.of(kind, statusCode.value() >= 500 ? "Internal server error" : defaultMessage(kind));
    }

    private static ApiError describeUnreadable(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (RequestBodyLimitFilter.isTooLarge(exception)) {
            return ApiError.of(ApiError.Kind.PAYLOAD_TOO_LARGE, "Request body is too large");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, "Unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT,
                    "Invalid value for field '" + fieldPath(mismatch) + "'" + expectedType(mismatch));
        }
        if (cause instanceof MismatchedInputException) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, "Request body must be a JSON object");
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, "Invalid value for field '" + fieldPath(databind) + "'");
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return ApiError.of(ApiError.Kind.INVALID_INPUT, "Malformed JSON in request body");
        }
        return ApiError.of(ApiError.Kind.INVALID_INPUT, "A JSON request body is required");
    }

    private static String fieldPath(DatabindException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectedType(MismatchedInputException exception) {
        Class<?> target = exception.getTargetType();
        if (target == null) {
            return "";
        }
        if (target == String.class) {
            return ": expected a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return ": expected true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return ": expected a number";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return ": expected an array";
        }
        return ": expected " + (target.isRecord() ? "an object" : "a " + target.getSimpleName());
    }

    static String defaultMessage(ApiError.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "Not found";
            case UNAUTHORIZED -> "Not authenticated";
            case FORBIDDEN -> "Forbidden";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case PAYLOAD_TOO_LARGE -> "Request body is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type; send application/json";
            default -> "Invalid request";
        };
    }
}
