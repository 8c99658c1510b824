package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task's due date changed; {@code null} means it has none now. */
@Revision("1")
public record TaskDueDateChangedEvent(TaskId taskId, DueDate dueDate, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.DUE_DATE_CHANGED;
    }
}
