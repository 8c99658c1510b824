package io.taskbot.query.task;

import io.taskbot.task.TaskChange;
import io.taskbot.task.TaskId;
import io.taskbot.task.WatchTasksQuery;
import io.taskbot.user.UserId;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Tells the subscribers of {@link WatchTasksQuery} that a task changed, with the task as the read model now holds
 * it, and only the task's owner. It costs nothing while nobody watches: the task is read back only when a
 * subscription exists. Inside a processor's unit of work Axon sends the update once the batch has committed.
 */
final class TaskChangeNotifier {

    /** For read models that nobody watches (tests, generations being rebuilt). */
    static final TaskChangeNotifier NONE = new TaskChangeNotifier(null);

    private final QueryUpdateEmitter emitter;

    TaskChangeNotifier(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    void changed(TaskViewStore store, TaskId taskId, long version) {
        if (emitter == null || emitter.activeSubscriptions().stream()
                .noneMatch(subscription -> subscription.getPayload() instanceof WatchTasksQuery)) {
            return;
        }
        store.findIncludingDeleted(taskId).ifPresent(found -> {
            UserId owner = found.owner();
            TaskChange change = new TaskChange(taskId, version, found.deleted() ? null : found.task());
            emitter.emit(WatchTasksQuery.class, watch -> watch.owner().equals(owner), change);
        });
    }
}
