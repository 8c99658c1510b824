package io.taskbot.task;

import java.util.Objects;

/**
 * A task as the read model holds it right after applying one of its events, pushed to the subscribers of
 * {@link WatchTasksQuery}. {@code task} is null once the task is deleted.
 *
 * @param taskId  the task that changed
 * @param version the sequence number of the event just applied
 * @param task    the task as it is now, or null when it was deleted
 */
public record TaskChange(TaskId taskId, long version, TaskView task) {

    public TaskChange {
        Objects.requireNonNull(taskId, "taskId");
    }

    public boolean deleted() {
        return task == null;
    }
}
