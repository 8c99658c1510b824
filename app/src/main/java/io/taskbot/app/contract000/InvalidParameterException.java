package io.taskbot.app.contract000;

/** A query parameter or body field had a value this contract does not accept. */
class InvalidParameterException extends RuntimeException {

    InvalidParameterException(String message) {
        super(message, null, false, false);
    }
}
