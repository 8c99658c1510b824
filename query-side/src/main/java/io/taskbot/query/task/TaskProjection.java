package io.taskbot.query.task;

import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskEventKind;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskState;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds one generation of the task read model from task events. Runs in that generation's own streaming processor,
 * so it can lag behind the event store and be rebuilt. Each event is folded onto the task by {@link TaskState#apply},
 * the one place that says how an event changes a task; an event the task has already seen (by the task's sequence
 * number) changes nothing, so redelivery is harmless.
 * <p>
 * The tasks a batch of events touches are folded in memory and written in one bulk write when the batch prepares to
 * commit: before the processor's token is committed (and before the read store is flushed, see the application's
 * read-model processing), so a crash makes the batch be handled again, never skipped. A rebuild thus makes one write
 * per batch instead of a read and a write per event. Outside a unit of work every event is written at once.
 * The tasks as written are handed to readers waiting for their own write on this node, as long as this generation
 * is the one readers read, and pushed to those who watch their owner's tasks.
 */
class TaskProjection {

    private final TaskViewStore store;
    private final int generation;
    private final ProjectionProgress<StoredTask> progress;
    private final BooleanSupplier reportsProgress;
    private final TaskChangeNotifier changes;
    /** The unit of work's resource holding this projection's batch; one projection instance per generation. */
    private final String batchResource;

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
        this.batchResource = TaskProjection.class.getName() + "#" + System.identityHashCode(this);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long version) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch alone = new Batch();
            alone.apply(event, version);
            alone.write();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.getOrComputeResource(batchResource, absent -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(committing -> created.write());
            return created;
        });
        batch.apply(event, version);
    }

    /** The tasks one batch of events changed, as they are after its events, until they are written. */
    private final class Batch {

        private final Map<TaskId, Pending> tasks = new LinkedHashMap<>();

        void apply(TaskEvent event, long version) {
            Pending pending = tasks.get(event.taskId());
            StoredTask before;
            boolean unlooked;
            if (pending != null) {
                before = pending.task();
                unlooked = pending.unlooked();
            } else if (event.kind() == TaskEventKind.CREATED) {
                // a creation needs no look at the store now: the write checks that the store is not ahead of it
                before = null;
                unlooked = true;
            } else {
                before = store.load(event.taskId()).orElse(null);
                unlooked = false;
            }
            if (before != null && before.version() >= version) {
                return;
            }
            // a change of a task this generation never saw created fails here, and waits as a dead letter; the
            // batch holds the task as it was before that event
            StoredTask after = new StoredTask(TaskState.apply(before == null ? null : before.state(), event), version);
            tasks.put(event.taskId(), new Pending(after, unlooked, pending == null && unlooked));
        }

        void write() {
            if (tasks.isEmpty()) {
                return;
            }
            // a task created and changed within the batch: what does the store hold of it already?
            List<TaskId> unlooked = tasks.entrySet().stream()
                    .filter(entry -> entry.getValue().unlooked() && !entry.getValue().creationOnly())
                    .map(Map.Entry::getKey).toList();
            Map<TaskId, Long> stored = unlooked.isEmpty() ? Map.of() : store.versions(unlooked);
            List<StoredTask> created = new ArrayList<>();
            List<StoredTask> replaced = new ArrayList<>();
            for (Pending pending : tasks.values()) {
                Long storedVersion = stored.get(pending.task().state().id());
                if (pending.creationOnly()) {
                    // written only if the store does not have the task yet, which costs no look (live creates)
                    created.add(pending.task());
                } else if (storedVersion == null || storedVersion < pending.task().version()) {
                    // a creation delivered again with the store further already is skipped. A task's events are
                    // the same on every delivery, so a later version folded here equals what the store would
                    // become by applying them to its own copy.
                    replaced.add(pending.task());
                }
            }
            store.writeAll(created, replaced);
            tasks.clear();
            if (reportsProgress.getAsBoolean()) {
                for (List<StoredTask> written : List.of(created, replaced)) {
                    for (StoredTask task : written) {
                        progress.reached(task.state().id().toString(), generation, task.version(), task);
                        changes.changed(task);
                    }
                }
            }
        }
    }

    /**
     * A task as a batch has it; {@code unlooked} while the batch has not seen what the store holds of it, and
     * {@code creationOnly} while all the batch has of it is its creation.
     */
    private record Pending(StoredTask task, boolean unlooked, boolean creationOnly) {
    }
}
