package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskRules;
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
import java.util.ArrayList;
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
    private UserId owner;
    private String title;
    private String description;
    private Priority priority;
    private TaskStatus status;
    private DueDate dueDate;
    private List<String> tags;
    private boolean deleted;

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
        if (newStatus != null && newStatus != status && !status.canMoveTo(newStatus)) {
            throw new TaskException(TaskErrorCode.INVALID_STATUS_TRANSITION,
                    "A task that is " + status.wireName() + " cannot become " + newStatus.wireName());
        }

        Instant at = command.requestedAt();
        if (newTitle != null && !newTitle.equals(title)) {
            apply(new TaskRenamedEvent(id, newTitle, at));
        }
        if (newDescription != null && !newDescription.equals(description)) {
            apply(new TaskDescriptionChangedEvent(id, newDescription, at));
        }
        if (command.priority() != null && command.priority() != priority) {
            apply(new TaskPriorityChangedEvent(id, command.priority(), at));
        }
        if (command.dueDate() != null && !command.dueDate().equals(dueDate)) {
            apply(new TaskDueDateChangedEvent(id, command.dueDate(), at));
        }
        if (command.clearDueDate() && dueDate != null) {
            apply(new TaskDueDateChangedEvent(id, null, at));
        }
        if (newTags != null && !newTags.equals(tags)) {
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
            case PENDING -> status == TaskStatus.ARCHIVED ? new TaskUnarchivedEvent(id, at) : new TaskReopenedEvent(id, at);
        };
    }

    private void checkChangeableBy(UserId requester) {
        if (!Objects.equals(owner, requester)) {
            throw new TaskException(TaskErrorCode.NOT_OWNER, "Task " + id + " belongs to another user");
        }
        if (deleted) {
            throw new TaskException(TaskErrorCode.DELETED, "Task " + id + " was deleted");
        }
    }

    private TaskWritten written() {
        return new TaskWritten(id, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(TaskCreatedEvent event) {
        id = event.taskId();
        owner = event.owner();
        title = event.title();
        description = event.description();
        priority = event.priority();
        dueDate = event.dueDate();
        tags = new ArrayList<>(event.tags());
        status = TaskStatus.PENDING;
    }

    @EventSourcingHandler
    void on(TaskRenamedEvent event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(TaskDescriptionChangedEvent event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskPriorityChangedEvent event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(TaskDueDateChangedEvent event) {
        dueDate = event.dueDate();
    }

    @EventSourcingHandler
    void on(TaskTagsChangedEvent event) {
        tags = new ArrayList<>(event.tags());
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event) {
        status = TaskStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(TaskReopenedEvent event) {
        status = TaskStatus.PENDING;
    }

    @EventSourcingHandler
    void on(TaskArchivedEvent event) {
        status = TaskStatus.ARCHIVED;
    }

    @EventSourcingHandler
    void on(TaskUnarchivedEvent event) {
        status = TaskStatus.PENDING;
    }

    @EventSourcingHandler
    void on(TaskDeletedEvent event) {
        deleted = true;
    }
}
