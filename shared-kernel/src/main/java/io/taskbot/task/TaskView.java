package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.List;

/** A task as the read model knows it; each contract renders it in its own shape. */
public record TaskView(
        TaskId id,
        UserId owner,
        String title,
        String description,
        Priority priority,
        TaskStatus status,
        DueDate dueDate,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public TaskView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean completed() {
        return status == TaskStatus.COMPLETED;
    }
}
