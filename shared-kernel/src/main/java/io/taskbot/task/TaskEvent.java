package io.taskbot.task;

import java.time.Instant;

/** Everything that can happen to a task. Each kind of change is its own past-tense event. */
public sealed interface TaskEvent permits TaskCreatedEvent, TaskRenamedEvent, TaskDescriptionChangedEvent,
        TaskPriorityChangedEvent, TaskDueDateChangedEvent, TaskTagsChangedEvent, TaskCompletedEvent,
        TaskReopenedEvent, TaskArchivedEvent, TaskUnarchivedEvent, TaskDeletedEvent, TaskRecurrenceChangedEvent,
        TaskOccurrenceCompletedEvent, TaskRestoredEvent {

    TaskId taskId();

    /** When the change was requested at the edge. */
    Instant occurredAt();

    /**
     * The kind of change, declared by each event itself, so that a new event cannot exist without one; every switch
     * over the kinds (first of all {@link TaskState#apply}) then fails to compile until it handles the new kind.
     */
    TaskEventKind kind();
}
