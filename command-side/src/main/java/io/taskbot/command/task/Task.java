package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
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
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

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

    /** For Axon, which rebuilds a task by replaying its events on an empty instance. */
    protected Task() {
    }

    /** Called by {@link TaskCreationHandler} once the id is allocated. */
    Task(TaskId id, CreateTaskCommand command) {
        String checkedTitle = TaskRules.checkTitle(command.title());
        String checkedDescription = TaskRules.checkDescription(command.description());
        List<String> checkedTags = Tags.normalize(command.tags());
        apply(new TaskCreatedEvent(id, command.owner(), checkedTitle, checkedDescription, command.priority(),
                command.dueDate(), checkedTags, command.requestedAt()));
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
        if (newStatus != null && newStatus != status) {
            apply(statusChange(newStatus, at));
        }
        return written();
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

    @EventSourcingHandler
    void on(TaskEvent event) {
        state = TaskState.apply(state, event);
        id = state.id();
    }
}
