package io.taskbot.query.task;

import io.taskbot.task.TaskChange;
import io.taskbot.task.WatchTasksQuery;
import io.taskbot.user.UserId;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Tells the subscribers of {@link WatchTasksQuery} that a task changed, with the task as the projection just wrote
 * it, and only the task's owner. It costs nothing while nobody watches. Inside a processor's unit of work Axon sends the update once the batch has committed.
 */
final class TaskChangeNotifier {

    /** For read models that nobody watches (tests, generations being rebuilt). */
    static final TaskChangeNotifier NONE = new TaskChangeNotifier(null);

    private final QueryUpdateEmitter emitter;

    TaskChangeNotifier(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    void changed(StoredTask written) {
        if (emitter == null || emitter.activeSubscriptions().stream()
                .noneMatch(subscription -> subscription.getPayload() instanceof WatchTasksQuery)) {
            return;
        }
        UserId owner = written.state().owner();
        TaskChange change = new TaskChange(written.state().id(), written.version(),
                written.state().deleted() ? null : written.state().view(written.version()));
        emitter.emit(WatchTasksQuery.class, watch -> watch.owner().equals(owner), change);
    }
}
