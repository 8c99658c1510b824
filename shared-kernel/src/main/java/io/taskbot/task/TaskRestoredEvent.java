package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A deleted task is back, as it was when it was deleted (an undo of the deletion). */
@Revision("1")
public record TaskRestoredEvent(TaskId taskId, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.RESTORED;
    }
}
