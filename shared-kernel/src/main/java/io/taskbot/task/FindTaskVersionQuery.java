package io.taskbot.task;

/**
 * The sequence number of the newest event of a task that the read model has applied, deleted tasks included; answered
 * with a {@code Long}, -1 when the read model has not seen the task. Used to wait for one's own writes.
 */
public record FindTaskVersionQuery(TaskId taskId) {
}
