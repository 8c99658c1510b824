package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task repeats on a new schedule; a {@code null} schedule means it stopped repeating. */
@Revision("1")
public record TaskRecurrenceChangedEvent(TaskId taskId, Schedule schedule, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.RECURRENCE_CHANGED;
    }
}
