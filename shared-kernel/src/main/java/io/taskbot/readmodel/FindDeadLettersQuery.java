package io.taskbot.readmodel;

/** Every event a read-model projection failed on and set aside; answered with {@link DeadLetters}. */
public record FindDeadLettersQuery() {
}
