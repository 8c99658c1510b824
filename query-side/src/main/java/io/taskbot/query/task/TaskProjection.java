package io.taskbot.query.task;

import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskEventKind;
import io.taskbot.task.TaskState;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Builds one generation of the task read model from task events. Runs in that generation's own streaming processor,
 * so it can lag behind the event store and be rebuilt. Each event is folded onto the stored task by
 * {@link TaskState#apply}, the one place that says how an event changes a task, and the whole task is written back;
 * an event the document has already seen (by the task's sequence number) changes nothing, so redelivery is harmless.
 * The task as written is handed to readers waiting for their own write on this node, as long as its generation is
 * the one readers read, and pushed to those who watch its owner's tasks.
 */
class TaskProjection {

    private final TaskViewStore store;
    private final int generation;
    private final ProjectionProgress<StoredTask> progress;
    private final BooleanSupplier reportsProgress;
    private final TaskChangeNotifier changes;

    TaskProjection(TaskViewStore store, int generation, ProjectionProgress<StoredTask> progress,
                   BooleanSupplier reportsProgress) {
        this(store, generation, progress, reportsProgress, TaskChangeNotifier.NONE);
    }

    TaskProjection(TaskViewStore store, int generation, ProjectionProgress<StoredTask> progress,
                   BooleanSupplier reportsProgress, TaskChangeNotifier changes) {
        this.store = store;
        this.generation = generation;
        this.progress = progress;
        this.reportsProgress = reportsProgress;
        this.changes = changes;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long version) {
        if (event.kind() == TaskEventKind.CREATED) {
            // the first event of a task needs no look at the store: it is written only if the task is not there yet
            StoredTask created = new StoredTask(TaskState.apply(null, event), version);
            store.insertIfAbsent(created.state(), version);
            reached(created);
            return;
        }
        Optional<StoredTask> stored = store.load(event.taskId());
        if (stored.isPresent() && stored.get().version() >= version) {
            return;
        }
        // a change of a task this generation never saw created fails here, and waits as a dead letter
        StoredTask written = new StoredTask(TaskState.apply(stored.map(StoredTask::state).orElse(null), event),
                version);
        store.write(written.state(), version);
        reached(written);
    }

    private void reached(StoredTask written) {
        if (reportsProgress.getAsBoolean()) {
            progress.reached(written.state().id().toString(), generation, written.version(), written);
            changes.changed(written);
        }
    }
}
