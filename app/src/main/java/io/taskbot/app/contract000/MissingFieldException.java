package io.taskbot.app.contract000;

/** A required field of a request body was absent or empty. */
class MissingFieldException extends RuntimeException {

    MissingFieldException(String field) {
        super("Field '" + field + "' is required", null, false, false);
    }
}
