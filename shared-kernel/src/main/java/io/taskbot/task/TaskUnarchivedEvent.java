package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An archived task is pending again. */
@Revision("1")
public record TaskUnarchivedEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.UNARCHIVED;
    }
}
