package io.taskbot.task;

import io.taskbot.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A task came into being, pending, with everything it was created with. Revision 2 added {@code schedule}; a
 * revision 1 payload has none and reads as a task that does not repeat.
 */
@Revision("2")
public record TaskCreatedEvent(
        TaskId taskId,
        UserId owner,
        String title,
        String description,
        Priority priority,
        DueDate dueDate,
        List<String> tags,
        Instant occurredAt,
        Schedule schedule) implements TaskEvent {

    /** A task that does not repeat. */
    public TaskCreatedEvent(TaskId taskId, UserId owner, String title, String description, Priority priority,
                            DueDate dueDate, List<String> tags, Instant occurredAt) {
        this(taskId, owner, title, description, priority, dueDate, tags, occurredAt, null);
    }

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.CREATED;
    }
}
