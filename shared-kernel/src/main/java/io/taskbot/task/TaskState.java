package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What a task is after a prefix of its event stream. {@link #apply} is the one place that says how each task event
 * changes a task: the aggregate decides on this state, the read model stores it and the audit folds it to answer "as
 * it was then". Times are the edge's request times; a deleted task keeps its last state, marked deleted.
 */
public record TaskState(
        TaskId id,
        UserId owner,
        String title,
        String description,
        Priority priority,
        TaskStatus status,
        DueDate dueDate,
        List<String> tags,
        Schedule schedule,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted) {

    public TaskState {
        Objects.requireNonNull(id, "id");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The state a task's stream starts with. */
    public static TaskState created(TaskCreatedEvent event) {
        return new TaskState(event.taskId(), event.owner(), event.title(), event.description(), event.priority(),
                TaskStatus.PENDING, event.dueDate(), event.tags(), event.schedule(), event.occurredAt(),
                event.occurredAt(), false);
    }

    /**
     * Folds one event onto the state before it ({@code null} before the creation). Every change but the deletion also
     * moves {@code updatedAt}; the deletion only marks the task, whose state stays readable for the audit.
     *
     * @throws IllegalArgumentException for a stream that does not start with the task's creation, or that goes on
     *                                  after it: such a stream is not a task's
     */
    public static TaskState apply(TaskState state, TaskEvent event) {
        if (event.kind() == TaskEventKind.CREATED) {
            if (state != null) {
                throw new IllegalArgumentException("Task " + event.taskId() + " is created twice");
            }
            return created((TaskCreatedEvent) event);
        }
        if (state == null) {
            throw new IllegalArgumentException("Task " + event.taskId() + " changes before it was created: "
                    + event.kind().wireName());
        }
        return state.apply(event);
    }

    private TaskState apply(TaskEvent event) {
        Instant at = event.occurredAt();
        // the kind names the event's type (each event declares its own), so each cast below is to that very type
        return switch (event.kind()) {
            case CREATED -> throw new IllegalArgumentException("Task " + id + " is created twice");
            case RENAMED -> with(((TaskRenamedEvent) event).title(), description, priority, status, dueDate, tags,
                    schedule, at);
            case DESCRIPTION_CHANGED -> with(title, ((TaskDescriptionChangedEvent) event).description(), priority,
                    status, dueDate, tags, schedule, at);
            case PRIORITY_CHANGED -> with(title, description, ((TaskPriorityChangedEvent) event).priority(), status,
                    dueDate, tags, schedule, at);
            case DUE_DATE_CHANGED -> with(title, description, priority, status,
                    ((TaskDueDateChangedEvent) event).dueDate(), tags, schedule, at);
            case TAGS_CHANGED -> with(title, description, priority, status, dueDate,
                    ((TaskTagsChangedEvent) event).tags(), schedule, at);
            case RECURRENCE_CHANGED -> with(title, description, priority, status, dueDate, tags,
                    ((TaskRecurrenceChangedEvent) event).schedule(), at);
            // the occurrence is done, the task is not: it stays as it was, due at the rule's next occurrence
            case OCCURRENCE_COMPLETED -> with(title, description, priority, status,
                    ((TaskOccurrenceCompletedEvent) event).nextDueDate(), tags, schedule, at);
            case COMPLETED -> with(title, description, priority, TaskStatus.COMPLETED, dueDate, tags, schedule, at);
            case REOPENED, UNARCHIVED -> with(title, description, priority, TaskStatus.PENDING, dueDate, tags,
                    schedule, at);
            case ARCHIVED -> with(title, description, priority, TaskStatus.ARCHIVED, dueDate, tags, schedule, at);
            case DELETED -> new TaskState(id, owner, title, description, priority, status, dueDate, tags, schedule,
                    createdAt, updatedAt, true);
            case RESTORED -> new TaskState(id, owner, title, description, priority, status, dueDate, tags, schedule,
                    createdAt, at, false);
        };
    }

    private TaskState with(String newTitle, String newDescription, Priority newPriority, TaskStatus newStatus,
                           DueDate newDueDate, List<String> newTags, Schedule newSchedule, Instant at) {
        return new TaskState(id, owner, newTitle, newDescription, newPriority, newStatus, newDueDate, newTags,
                newSchedule, createdAt, at, deleted);
    }

    /** The task's rule, {@code null} when it does not repeat. */
    public Recurrence recurrence() {
        return schedule == null ? null : schedule.recurrence();
    }

    public boolean ownedBy(UserId user) {
        return owner.equals(user);
    }

    /**
     * The task as the APIs show it once its read model holds {@code version}. Times count in milliseconds, the
     * precision of every {@code created_at} and {@code updated_at} served, so that the current task, its history and
     * its past states name the same instant alike.
     */
    public TaskView view(long version) {
        return new TaskView(id, owner, title, description, priority, status, dueDate, tags, recurrence(),
                createdAt.truncatedTo(ChronoUnit.MILLIS), updatedAt.truncatedTo(ChronoUnit.MILLIS), version);
    }
}
