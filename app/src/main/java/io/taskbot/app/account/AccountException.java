package io.taskbot.app.account;

/** Registration or login was refused; each contract words and codes the {@link Reason} its own way. */
public class AccountException extends RuntimeException {

    public enum Reason { INVALID_EMAIL, INVALID_USERNAME, WEAK_PASSWORD, DUPLICATE, INVALID_CREDENTIALS }

    private final Reason reason;

    AccountException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
