package io.taskbot.query.task;

import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskSort;
import io.taskbot.task.WatchTasksQuery;
import org.axonframework.queryhandling.QueryHandler;

import java.util.function.Supplier;

/**
 * Answers task queries from the read model's active generation, looked up for every query so that a switch to a
 * rebuilt generation reaches all readers at once. Only a task's owner gets to see it.
 */
class TaskQueryHandler {

    private final Supplier<TaskViewStore> active;
    private final ProjectionProgress progress;

    TaskQueryHandler(Supplier<TaskViewStore> active, ProjectionProgress progress) {
        this.active = active;
        this.progress = progress;
    }

    @QueryHandler
    TaskLookup handle(FindTaskQuery query) {
        if (query.minVersion() > FindTaskQuery.ANY_VERSION && !progress.await(query.taskId().toString(),
                query.minVersion(), () -> active.get().version(query.taskId()))) {
            return TaskLookup.behind();
        }
        // a switch between the wait and this read only moves forward: the new generation holds all the old one did
        return active.get().find(query.taskId())
                .map(task -> task.owner().equals(query.requester()) ? TaskLookup.found(task) : TaskLookup.notOwner())
                .orElseGet(TaskLookup::notFound);
    }

    @QueryHandler
    TaskPage handle(FindTasksQuery query) {
        return active.get().findPage(query.owner(), query.filter(), query.sort(), query.offset(), query.limit());
    }

    /** The start of a subscription to the owner's changes: how many tasks the owner has now. */
    @QueryHandler
    Long handle(WatchTasksQuery query) {
        return active.get().findPage(query.owner(), TaskFilter.ANY, TaskSort.OLDEST_FIRST, 0, 1).total();
    }
}
