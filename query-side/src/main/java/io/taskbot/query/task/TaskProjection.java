package io.taskbot.query.task;

import com.mongodb.client.model.Updates;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.function.BooleanSupplier;

import static io.taskbot.query.task.TaskDocuments.DESCRIPTION;
import static io.taskbot.query.task.TaskDocuments.DUE_DATE;
import static io.taskbot.query.task.TaskDocuments.PRIORITY;
import static io.taskbot.query.task.TaskDocuments.PRIORITY_RANK;
import static io.taskbot.query.task.TaskDocuments.STATUS;
import static io.taskbot.query.task.TaskDocuments.TAGS;
import static io.taskbot.query.task.TaskDocuments.TITLE;

/**
 * Builds one generation of the task read model from task events. Runs in that generation's own streaming processor,
 * so it can lag behind the event store and be rebuilt; each handler is idempotent through the task's sequence number.
 * After each event it reports the version it wrote, which wakes readers waiting for their own write on this node,
 * as long as its generation is the one readers read, and pushes the changed task to those who watch its owner's tasks.
 */
class TaskProjection {

    private final TaskViewStore store;
    private final ProjectionProgress progress;
    private final BooleanSupplier reportsProgress;
    private final TaskChangeNotifier changes;

    TaskProjection(TaskViewStore store, ProjectionProgress progress, BooleanSupplier reportsProgress) {
        this(store, progress, reportsProgress, TaskChangeNotifier.NONE);
    }

    TaskProjection(TaskViewStore store, ProjectionProgress progress, BooleanSupplier reportsProgress,
                   TaskChangeNotifier changes) {
        this.store = store;
        this.progress = progress;
        this.reportsProgress = reportsProgress;
        this.changes = changes;
    }

    private void reached(TaskId taskId, long version) {
        if (reportsProgress.getAsBoolean()) {
            progress.reached(taskId.toString(), version);
            changes.changed(store, taskId, version);
        }
    }

    @EventHandler
    void on(TaskCreatedEvent event, @SequenceNumber long version) {
        store.insert(event, version);
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskRenamedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(TITLE, event.title()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskDescriptionChangedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(DESCRIPTION, event.description()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskPriorityChangedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(),
                Updates.set(PRIORITY, event.priority().wireName()),
                Updates.set(PRIORITY_RANK, event.priority().rank()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskDueDateChangedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(),
                Updates.set(DUE_DATE, event.dueDate() == null ? null : event.dueDate().value()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskTagsChangedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(TAGS, event.tags()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskCompletedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(STATUS, TaskStatus.COMPLETED.wireName()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskReopenedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(STATUS, TaskStatus.PENDING.wireName()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskArchivedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(STATUS, TaskStatus.ARCHIVED.wireName()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskUnarchivedEvent event, @SequenceNumber long version) {
        store.update(event.taskId(), version, event.occurredAt(), Updates.set(STATUS, TaskStatus.PENDING.wireName()));
        reached(event.taskId(), version);
    }

    @EventHandler
    void on(TaskDeletedEvent event, @SequenceNumber long version) {
        store.markDeleted(event.taskId(), version);
        reached(event.taskId(), version);
    }
}
