package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task was done. */
@Revision("1")
public record TaskCompletedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.COMPLETED;
    }
}
