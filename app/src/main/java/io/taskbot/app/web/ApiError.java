package io.taskbot.app.web;

import org.springframework.http.HttpStatus;

/**
 * An error as the adapters see it, before a contract renders it.
 *
 * @param kind    what went wrong, which fixes the HTTP status
 * @param code    a contract-specific code that overrides the kind's default (e.g. {@code DUPLICATE_EMAIL}), or null
 * @param message a sentence for people; never a stack trace or an internal detail
 * @param details optional structured details (e.g. the offending field)
 */
public record ApiError(Kind kind, String code, String message, Object details) {

    public enum Kind {
        INVALID_INPUT(HttpStatus.BAD_REQUEST),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
        FORBIDDEN(HttpStatus.FORBIDDEN),
        NOT_FOUND(HttpStatus.NOT_FOUND),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
        REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT),
        CONFLICT(HttpStatus.CONFLICT),
        PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
        INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Kind(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }

        public static Kind forStatus(int status) {
            for (Kind kind : values()) {
                if (kind.status.value() == status) {
                    return kind;
                }
            }
            return status >= 500 ? INTERNAL : INVALID_INPUT;
        }
    }

    public static ApiError of(Kind kind, String message) {
        return new ApiError(kind, null, message, null);
    }

    public HttpStatus status() {
        return kind.status();
    }
}
