package io.taskbot.query.audit;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task's state at a past instant, folded from its events in stream order. The fold stops at the first event
 * requested after the instant rather than skipping it and looking further: times come from the edge, so two writers
 * can store a task's events slightly out of clock order, and only a prefix of the stream is a state the task was
 * really in. The fields follow the task read model: {@code updated_at} is the time of the latest change, and times
 * count in milliseconds like everywhere in the REST API, so that the {@code updated_at} a client was shown, used as the
 * instant, gives back that very state.
 */
final class TaskTimeline {

    /** One event with its sequence number in the task's stream. */
    record Step(TaskEvent event, long version) {
    }

    private TaskId id;
    private UserId owner;
    private String title;
    private String description;
    private Priority priority;
    private TaskStatus status;
    private DueDate dueDate;
    private List<String> tags;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;
    private boolean deleted;

    private TaskTimeline() {
    }

    /** The task as it was at {@code instant}; empty before its creation and after its deletion. */
    static Optional<TaskView> asOf(List<Step> stream, Instant instant) {
        TaskTimeline task = new TaskTimeline();
        for (Step step : stream) {
            if (Timestamps.of(step.event()).isAfter(instant)) {
                break;
            }
            task.apply(step.event(), step.version());
        }
        return task.id == null || task.deleted ? Optional.empty() : Optional.of(task.view());
    }

    private void apply(TaskEvent event, long eventVersion) {
        if (event instanceof TaskCreatedEvent created) {
            id = created.taskId();
            owner = created.owner();
            title = created.title();
            description = created.description();
            priority = created.priority();
            status = TaskStatus.PENDING;
            dueDate = created.dueDate();
            tags = created.tags();
            createdAt = Timestamps.of(created);
        } else if (id == null) {
            // a stream that does not start with its creation is not a task's; nothing to fold onto
            return;
        } else if (event instanceof TaskRenamedEvent renamed) {
            title = renamed.title();
        } else if (event instanceof TaskDescriptionChangedEvent changed) {
            description = changed.description();
        } else if (event instanceof TaskPriorityChangedEvent changed) {
            priority = changed.priority();
        } else if (event instanceof TaskDueDateChangedEvent changed) {
            dueDate = changed.dueDate();
        } else if (event instanceof TaskTagsChangedEvent changed) {
            tags = changed.tags();
        } else if (event instanceof TaskCompletedEvent) {
            status = TaskStatus.COMPLETED;
        } else if (event instanceof TaskReopenedEvent || event instanceof TaskUnarchivedEvent) {
            status = TaskStatus.PENDING;
        } else if (event instanceof TaskArchivedEvent) {
            status = TaskStatus.ARCHIVED;
        } else if (event instanceof TaskDeletedEvent) {
            deleted = true;
            return;
        }
        updatedAt = Timestamps.of(event);
        version = eventVersion;
    }

    private TaskView view() {
        return new TaskView(id, owner, title, description, priority, status, dueDate, tags, createdAt, updatedAt,
                version);
    }
}
