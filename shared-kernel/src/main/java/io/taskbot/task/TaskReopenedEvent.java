package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A completed task is pending again. */
@Revision("1")
public record TaskReopenedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.REOPENED;
    }
}
