package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Asks for a new task owned by {@code owner}. The id is allocated by the command side; the time comes from the edge.
 * Answered with the {@link TaskWritten} of the new task.
 */
public record CreateTaskCommand(
        UserId owner,
        String title,
        String description,
        Priority priority,
        DueDate dueDate,
        List<String> tags,
        Instant requestedAt) {

    public CreateTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(requestedAt, "requestedAt");
        priority = priority == null ? Priority.DEFAULT : priority;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static CreateTaskCommand titled(UserId owner, String title, Instant requestedAt) {
        return new CreateTaskCommand(owner, title, null, null, null, null, requestedAt);
    }
}
