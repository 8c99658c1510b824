package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a recurring task was done: the one due {@code occurrence} ({@code null} for a task that had no
 * due date then). The task stays pending, due {@code nextDueDate}, its rule's next occurrence.
 */
@Revision("1")
public record TaskOccurrenceCompletedEvent(TaskId taskId, DueDate occurrence, DueDate nextDueDate, Instant occurredAt)
        implements TaskEvent {

    public TaskOccurrenceCompletedEvent {
        Objects.requireNonNull(nextDueDate, "nextDueDate");
    }

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.OCCURRENCE_COMPLETED;
    }
}
