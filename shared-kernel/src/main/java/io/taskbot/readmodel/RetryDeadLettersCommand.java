package io.taskbot.readmodel;

import java.util.Objects;

/**
 * Try the dead letters of one processor again, sequence by sequence, in order; a letter that fails again stays.
 * Answered with a {@link DeadLetterRetry}.
 */
public record RetryDeadLettersCommand(String processor) {

    public RetryDeadLettersCommand {
        Objects.requireNonNull(processor, "processor");
    }
}
