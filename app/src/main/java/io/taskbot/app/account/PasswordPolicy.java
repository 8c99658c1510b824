package io.taskbot.app.account;

/** The one password policy of every contract: 8 to 128 characters with at least one letter and one digit. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Throws a WEAK_PASSWORD {@link AccountException} naming the first rule the password breaks. */
    public static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw weak("Password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("Password must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw weak("Password must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.codePoints().noneMatch(Character::isLetter)) {
            throw weak("Password must contain at least one letter");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            throw weak("Password must contain at least one digit");
        }
    }

    private static AccountException weak(String message) {
        return new AccountException(AccountException.Reason.WEAK_PASSWORD, message);
    }
}
