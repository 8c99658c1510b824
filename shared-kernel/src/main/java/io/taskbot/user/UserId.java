package io.taskbot.user;

/** The integer id of an account; rendered as a number in contract 000 and as {@code user_<n>} in contract 004. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user ids are positive, got " + value);
        }
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
