package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task was put away without being deleted. */
@Revision("1")
public record TaskArchivedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.ARCHIVED;
    }
}
