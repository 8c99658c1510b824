package io.taskbot.task;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Changes some fields of a task. A {@code null} field is left as it is; {@code clearDueDate} removes the due date,
 * {@code clearRecurrence} stops the task repeating. A new recurrence, and the next due date a completion of a
 * recurring task leads to, are expanded in {@code zone}, the user's (UTC when unknown).
 * The task emits one event per field that really changes and nothing when nothing does. Answered with the task's
 * {@link TaskWritten}.
 */
public record UpdateTaskCommand(
        @TargetAggregateIdentifier TaskId taskId,
        UserId requester,
        String title,
        String description,
        Priority priority,
        TaskStatus status,
        DueDate dueDate,
        boolean clearDueDate,
        List<String> tags,
        Instant requestedAt,
        Recurrence recurrence,
        boolean clearRecurrence,
        ZoneId zone) {

    public UpdateTaskCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestedAt, "requestedAt");
        tags = tags == null ? null : List.copyOf(tags);
        if (clearDueDate && dueDate != null) {
            throw new IllegalArgumentException("either set or clear the due date, not both");
        }
        if (clearRecurrence && recurrence != null) {
            throw new IllegalArgumentException("either set or clear the recurrence, not both");
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** A change of anything but the recurrence. */
    public UpdateTaskCommand(TaskId taskId, UserId requester, String title, String description, Priority priority,
                             TaskStatus status, DueDate dueDate, boolean clearDueDate, List<String> tags,
                             Instant requestedAt) {
        this(taskId, requester, title, description, priority, status, dueDate, clearDueDate, tags, requestedAt, null,
                false, null);
    }

    /** A command that changes nothing yet; combine with the {@code with…} methods. */
    public static UpdateTaskCommand of(TaskId taskId, UserId requester, Instant requestedAt) {
        return new UpdateTaskCommand(taskId, requester, null, null, null, null, null, false, null, requestedAt, null,
                false, null);
    }

    public UpdateTaskCommand withTitle(String newTitle) {
        return new UpdateTaskCommand(taskId, requester, newTitle, description, priority, status, dueDate,
                clearDueDate, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withDescription(String newDescription) {
        return new UpdateTaskCommand(taskId, requester, title, newDescription, priority, status, dueDate,
                clearDueDate, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withPriority(Priority newPriority) {
        return new UpdateTaskCommand(taskId, requester, title, description, newPriority, status, dueDate,
                clearDueDate, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withStatus(TaskStatus newStatus) {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, newStatus, dueDate,
                clearDueDate, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withDueDate(DueDate newDueDate) {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, newDueDate,
                false, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withoutDueDate() {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, null,
                true, tags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withTags(List<String> newTags) {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, dueDate,
                clearDueDate, newTags, requestedAt, recurrence, clearRecurrence, zone);
    }

    public UpdateTaskCommand withRecurrence(Recurrence newRecurrence) {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, dueDate,
                clearDueDate, tags, requestedAt, newRecurrence, false, zone);
    }

    public UpdateTaskCommand withoutRecurrence() {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, dueDate,
                clearDueDate, tags, requestedAt, null, true, zone);
    }

    /** The user's zone, in which recurrences are expanded. */
    public UpdateTaskCommand inZone(ZoneId userZone) {
        return new UpdateTaskCommand(taskId, requester, title, description, priority, status, dueDate,
                clearDueDate, tags, requestedAt, recurrence, clearRecurrence, userZone);
    }
}
