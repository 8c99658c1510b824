package io.taskbot.app.contract004;

import io.taskbot.app.web.ApiError;

/** A request this contract refuses, with the error it is refused with. */
final class V1Failure extends RuntimeException {

    private final ApiError error;

    private V1Failure(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static V1Failure invalidInput(String message) {
        return new V1Failure(ApiError.of(ApiError.Kind.INVALID_INPUT, message));
    }

    static V1Failure unauthorized(String message) {
        return new V1Failure(ApiError.of(ApiError.Kind.UNAUTHORIZED, message));
    }

    ApiError error() {
        return error;
    }
}
