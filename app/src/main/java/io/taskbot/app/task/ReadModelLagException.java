package io.taskbot.app.task;

/** A write was stored, but the read model did not show it within the read-your-writes timeout. */
public class ReadModelLagException extends RuntimeException {

    public ReadModelLagException(String message) {
        super(message, null, false, false);
    }
}
