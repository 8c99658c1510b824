package io.taskbot.app.contract004;

/**
 * Contract 004's success body. Errors use the same envelope with {@code success: false}; those are rendered by
 * {@link io.taskbot.app.web.ErrorResponder}, whichever layer refused the request.
 */
record Envelope(boolean success, Object data, String message) {

    static Envelope of(Object data) {
        return new Envelope(true, data, null);
    }

    static Envelope of(Object data, String message) {
        return new Envelope(true, data, message);
    }

    static Envelope message(String message) {
        return new Envelope(true, null, message);
    }
}
