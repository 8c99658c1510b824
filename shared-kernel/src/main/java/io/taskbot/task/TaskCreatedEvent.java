package io.taskbot.task;

import io.taskbot.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A task came into being, pending, with everything it was created with. */
@Revision("1")
public record TaskCreatedEvent(
        TaskId taskId,
        UserId owner,
        String title,
        String description,
        Priority priority,
        DueDate dueDate,
        List<String> tags,
        Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.CREATED;
    }
}
