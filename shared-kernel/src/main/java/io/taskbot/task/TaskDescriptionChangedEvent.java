package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The task's description changed; the empty string means it has none now. */
@Revision("1")
public record TaskDescriptionChangedEvent(TaskId taskId, String description, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.DESCRIPTION_CHANGED;
    }
}
