package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task's priority changed. */
@Revision("1")
public record TaskPriorityChangedEvent(TaskId taskId, Priority priority, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.PRIORITY_CHANGED;
    }
}
