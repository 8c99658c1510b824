package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.List;

/**
 * A task as the read model knows it; each contract renders it in its own shape. {@code recurrence} is null for a task
 * that does not repeat.
 */
public record TaskView(
        TaskId id,
        UserId owner,
        String title,
        String description,
        Priority priority,
        TaskStatus status,
        DueDate dueDate,
        List<String> tags,
        Recurrence recurrence,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public TaskView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A task that does not repeat. */
    public TaskView(TaskId id, UserId owner, String title, String description, Priority priority, TaskStatus status,
                    DueDate dueDate, List<String> tags, Instant createdAt, Instant updatedAt, long version) {
        this(id, owner, title, description, priority, status, dueDate, tags, null, createdAt, updatedAt, version);
    }

    public boolean completed() {
        return status == TaskStatus.COMPLETED;
    }
}
