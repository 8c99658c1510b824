package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task got a new title. */
@Revision("1")
public record TaskRenamedEvent(TaskId taskId, String title, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.RENAMED;
    }
}
