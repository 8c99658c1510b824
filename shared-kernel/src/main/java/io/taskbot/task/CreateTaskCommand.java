package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Asks for a new task owned by {@code owner}. The id is allocated by the command side; the time comes from the edge.
 * A {@code recurrence} makes the task repeat, expanded in {@code zone}, the user's (UTC when unknown). Answered with
 * the {@link TaskWritten} of the new task.
 */
public record CreateTaskCommand(
        UserId owner,
        String title,
        String description,
        Priority priority,
        DueDate dueDate,
        List<String> tags,
        Instant requestedAt,
        Recurrence recurrence,
        ZoneId zone) {

    public CreateTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(requestedAt, "requestedAt");
        priority = priority == null ? Priority.DEFAULT : priority;
        tags = tags == null ? List.of() : List.copyOf(tags);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** A task that does not repeat. */
    public CreateTaskCommand(UserId owner, String title, String description, Priority priority, DueDate dueDate,
                             List<String> tags, Instant requestedAt) {
        this(owner, title, description, priority, dueDate, tags, requestedAt, null, null);
    }

    public static CreateTaskCommand titled(UserId owner, String title, Instant requestedAt) {
        return new CreateTaskCommand(owner, title, null, null, null, null, requestedAt);
    }

    /** The same task, repeating by {@code newRecurrence} (none for null) in {@code userZone}. */
    public CreateTaskCommand withRecurrence(Recurrence newRecurrence, ZoneId userZone) {
        return new CreateTaskCommand(owner, title, description, priority, dueDate, tags, requestedAt, newRecurrence,
                userZone);
    }
}
