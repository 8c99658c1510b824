package io.taskbot.command.task;

import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRestoredEvent;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskRules;
import io.taskbot.task.TaskState;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.Tags;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A task, rebuilt from its events. It decides whether a command is allowed and which events it causes; it keeps only
 * the state those decisions need. Ids and times arrive with the commands.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private TaskId id;
    /** Folded by {@link TaskState#apply}, the one place that says how an event changes a task. */
    private TaskState state;
    /** The changes not taken back yet, newest first; the creation is none. */
    private final Deque<Change> changes = new ArrayDeque<>();
    private Instant lastChangeAt;
    private boolean lastChangeWasUndo;

    /** For Axon, which rebuilds a task by replaying its events on an empty instance. */
    protected Task() {
    }

    /** Called by {@link TaskCreationHandler} once the id is allocated. */
    Task(TaskId id, CreateTaskCommand command) {
        String checkedTitle = TaskRules.checkTitle(command.title());
        String checkedDescription = TaskRules.checkDescription(command.description());
        List<String> checkedTags = Tags.normalize(command.tags());
        // a recurring task without a due date is due at the rule's first occurrence from today on
        Schedule schedule = command.recurrence() == null ? null : Schedule.starting(command.recurrence(),
                command.dueDate(), command.requestedAt(), command.zone());
        DueDate dueDate = schedule == null ? command.dueDate() : schedule.start();
        apply(new TaskCreatedEvent(id, command.owner(), checkedTitle, checkedDescription, command.priority(),
                dueDate, checkedTags, command.requestedAt(), schedule));
    }

    @CommandHandler
    TaskWritten handle(UpdateTaskCommand command) {
        checkChangeableBy(command.requester());
        // every field is checked before the first event is applied, so a bad field changes nothing
        String newTitle = command.title() == null ? null : TaskRules.checkTitle(command.title());
        String newDescription = command.description() == null ? null
                : TaskRules.checkDescription(command.description());
        List<String> newTags = command.tags() == null ? null : Tags.normalize(command.tags());
        TaskStatus newStatus = command.status();
        TaskStatus status = state.status();
        if (newStatus != null && newStatus != status && !status.canMoveTo(newStatus)) {
            throw new TaskException(TaskErrorCode.INVALID_STATUS_TRANSITION,
                    "A task that is " + status.wireName() + " cannot become " + newStatus.wireName());
        }
        DueDate dueDateAfter = command.clearDueDate() ? null
                : command.dueDate() != null ? command.dueDate() : state.dueDate();
        Schedule newSchedule = newSchedule(command, dueDateAfter);

        Instant at = command.requestedAt();
        if (newTitle != null && !newTitle.equals(state.title())) {
            apply(new TaskRenamedEvent(id, newTitle, at));
        }
        if (newDescription != null && !newDescription.equals(state.description())) {
            apply(new TaskDescriptionChangedEvent(id, newDescription, at));
        }
        if (command.priority() != null && command.priority() != state.priority()) {
            apply(new TaskPriorityChangedEvent(id, command.priority(), at));
        }
        if (command.dueDate() != null && !command.dueDate().equals(state.dueDate())) {
            apply(new TaskDueDateChangedEvent(id, command.dueDate(), at));
        }
        if (command.clearDueDate() && state.dueDate() != null) {
            apply(new TaskDueDateChangedEvent(id, null, at));
        }
        if (newTags != null && !newTags.equals(state.tags())) {
            apply(new TaskTagsChangedEvent(id, newTags, at));
        }
        if (newSchedule != null && state.dueDate() == null) {
            apply(new TaskDueDateChangedEvent(id, newSchedule.start(), at));
        }
        if (newSchedule != null || command.clearRecurrence() && state.schedule() != null) {
            apply(new TaskRecurrenceChangedEvent(id, newSchedule, at));
        }
        if (newStatus != null && newStatus != status) {
            apply(newStatus == TaskStatus.COMPLETED ? completion(at) : statusChange(newStatus, at));
        }
        return written();
    }

    /**
     * The schedule a new recurrence starts, null when the command sets none or the one the task already has. It
     * starts at the task's due date after the command, or at the rule's first occurrence from today on.
     */
    private Schedule newSchedule(UpdateTaskCommand command, DueDate dueDateAfter) {
        if (command.recurrence() == null || command.recurrence().equals(state.recurrence())) {
            return null;
        }
        return Schedule.starting(command.recurrence(), dueDateAfter, command.requestedAt(), command.zone());
    }

    /**
     * Takes back the most recent change not taken back yet: the events it appends turn the task into the state it
     * had before that change, each marked with {@link MetadataKeys#UNDOES}, so that the next undo goes one further.
     */
    @CommandHandler
    TaskWritten handle(UndoTaskCommand command) {
        if (!state.ownedBy(command.requester())) {
            throw new TaskException(TaskErrorCode.NOT_OWNER, "Task " + id + " belongs to another user");
        }
        Change last = changes.peek();
        if (last == null) {
            throw new TaskException(TaskErrorCode.NOTHING_TO_UNDO, "Task " + id + " has no change left to undo: "
                    + "its creation cannot be undone");
        }
        MetaData undo = MetaData.with(MetadataKeys.UNDOES, last.version());
        for (Object event : restoring(last.before(), command.requestedAt())) {
            apply(event, undo);
        }
        return written();
    }

    /**
     * The events that turn the current state into {@code target}: the task back, each field, the status. An undo
     * only ever goes back to a state the task had, so a deletion is never among them.
     */
    private List<Object> restoring(TaskState target, Instant at) {
        List<Object> events = new ArrayList<>();
        if (state.deleted() && !target.deleted()) {
            events.add(new TaskRestoredEvent(id, at));
        }
        if (!target.title().equals(state.title())) {
            events.add(new TaskRenamedEvent(id, target.title(), at));
        }
        if (!target.description().equals(state.description())) {
            events.add(new TaskDescriptionChangedEvent(id, target.description(), at));
        }
        if (target.priority() != state.priority()) {
            events.add(new TaskPriorityChangedEvent(id, target.priority(), at));
        }
        if (!Objects.equals(target.dueDate(), state.dueDate())) {
            events.add(new TaskDueDateChangedEvent(id, target.dueDate(), at));
        }
        if (!target.tags().equals(state.tags())) {
            events.add(new TaskTagsChangedEvent(id, target.tags(), at));
        }
        if (!Objects.equals(target.schedule(), state.schedule())) {
            events.add(new TaskRecurrenceChangedEvent(id, target.schedule(), at));
        }
        if (target.status() != state.status()) {
            events.add(statusChange(target.status(), at));
        }
        return events;
    }

    @CommandHandler
    TaskWritten handle(DeleteTaskCommand command) {
        checkChangeableBy(command.requester());
        apply(new TaskDeletedEvent(id, command.requestedAt()));
        return written();
    }

    private Object statusChange(TaskStatus target, Instant at) {
        return switch (target) {
            case COMPLETED -> new TaskCompletedEvent(id, at);
            case ARCHIVED -> new TaskArchivedEvent(id, at);
            case PENDING -> state.status() == TaskStatus.ARCHIVED ? new TaskUnarchivedEvent(id, at) : new TaskReopenedEvent(id, at);
        };
    }

    /**
     * Completing a recurring task completes the occurrence due now and moves the task on to the next one; once its
     * rule has ended (COUNT, UNTIL) the task is completed for good.
     */
    private Object completion(Instant at) {
        Schedule schedule = state.schedule();
        if (schedule == null || state.status() != TaskStatus.PENDING) {
            return new TaskCompletedEvent(id, at);
        }
        return schedule.nextAfter(state.dueDate(), at)
                .<Object>map(next -> new TaskOccurrenceCompletedEvent(id, state.dueDate(), next, at))
                .orElseGet(() -> new TaskCompletedEvent(id, at));
    }

    private void checkChangeableBy(UserId requester) {
        if (!state.ownedBy(requester)) {
            throw new TaskException(TaskErrorCode.NOT_OWNER, "Task " + id + " belongs to another user");
        }
        if (state.deleted()) {
            throw new TaskException(TaskErrorCode.DELETED, "Task " + id + " was deleted");
        }
    }

    private TaskWritten written() {
        return new TaskWritten(id, AggregateLifecycle.getVersion());
    }

    /**
     * Folds the event and keeps the undo stack: the events of one command share its request time, so an event at a
     * new time starts a change, whose state before is pushed; an undo, which takes back one change, pops one.
     */
    @EventSourcingHandler
    void on(TaskEvent event, @SequenceNumber long version, MetaData metaData) {
        TaskState before = state;
        state = TaskState.apply(state, event);
        id = state.id();
        boolean undoing = metaData.containsKey(MetadataKeys.UNDOES);
        boolean startsAChange = !event.occurredAt().equals(lastChangeAt) || undoing != lastChangeWasUndo;
        if (before != null && startsAChange) {
            if (undoing) {
                changes.poll();
            } else {
                changes.push(new Change(before, version));
            }
        }
        lastChangeAt = event.occurredAt();
        lastChangeWasUndo = undoing;
    }

    /** A change an undo can take back: the task's state before it, and the sequence number of its first event. */
    private record Change(TaskState before, long version) {
    }
}
