package io.taskbot.task;

/**
 * The answer to every task command: which task, and the sequence number of its newest event after the command.
 * Readers wait until the read model has reached {@code version} to see their own write.
 */
public record TaskWritten(TaskId taskId, long version) {
}
