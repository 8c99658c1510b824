package io.taskbot.app.account;

import java.time.Duration;

/** Too many failed logins for one account: no password is checked for it until {@link #retryAfter()} has passed. */
public class TooManyFailedLoginsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyFailedLoginsException(Duration retryAfter) {
        super("Too many failed logins for this account", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
