package io.taskbot.app.admin;

/** An admin request named a read model or processor that does not exist. */
class UnknownResourceException extends RuntimeException {

    UnknownResourceException(String message) {
        super(message, null, false, false);
    }
}
