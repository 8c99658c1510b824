package io.taskbot.readmodel;

/**
 * The outcome of a {@link RetryDeadLettersCommand}.
 *
 * @param processor the processor whose letters were tried
 * @param known     false when no current read-model generation has a processor of that name
 * @param retried   sequences that were applied completely and left the queue
 * @param remaining dead letters still waiting afterwards
 */
public record DeadLetterRetry(String processor, boolean known, int retried, long remaining) {

    public static DeadLetterRetry unknown(String processor) {
        return new DeadLetterRetry(processor, false, 0, 0);
    }
}
