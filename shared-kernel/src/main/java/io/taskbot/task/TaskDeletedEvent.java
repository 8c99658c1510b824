package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task was deleted; it takes no further changes. */
@Revision("1")
public record TaskDeletedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.DELETED;
    }
}
