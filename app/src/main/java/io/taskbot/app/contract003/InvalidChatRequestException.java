package io.taskbot.app.contract003;

/** A chat request contract 003 calls INVALID_REQUEST. */
class InvalidChatRequestException extends RuntimeException {

    InvalidChatRequestException(String message) {
        super(message, null, false, false);
    }
}
