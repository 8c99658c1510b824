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

import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Answers task queries from the read model's active generation, looked up for every query so that a switch to a
 * rebuilt generation reaches all readers at once. Only a task's owner gets to see it. A query for one's own write
 * is answered from the projection's report of that write (see {@link ProjectionProgress}).
 */
class TaskQueryHandler {

    private final IntSupplier activeGeneration;
    private final IntFunction<TaskViewStore> stores;
    private final ProjectionProgress<StoredTask> progress;

    TaskQueryHandler(IntSupplier activeGeneration, IntFunction<TaskViewStore> stores,
                     ProjectionProgress<StoredTask> progress) {
        this.activeGeneration = activeGeneration;
        this.stores = stores;
        this.progress = progress;
    }

    @QueryHandler
    TaskLookup handle(FindTaskQuery query) {
        if (query.minVersion() > FindTaskQuery.ANY_VERSION) {
            // a switch after the answer only moves forward: the new generation holds all the old one did
            return progress.await(query.taskId().toString(), query.minVersion(), activeGeneration,
                            version -> stores.apply(activeGeneration.getAsInt()).load(query.taskId())
                                    .filter(stored -> stored.version() >= version))
                    .map(stored -> stored.lookupFor(query.requester()))
                    .orElseGet(TaskLookup::behind);
        }
        return stores.apply(activeGeneration.getAsInt()).load(query.taskId())
                .map(stored -> stored.lookupFor(query.requester()))
                .orElseGet(TaskLookup::notFound);
    }

    @QueryHandler
    TaskPage handle(FindTasksQuery query) {
        return stores.apply(activeGeneration.getAsInt())
                .findPage(query.owner(), query.filter(), query.sort(), query.offset(), query.limit(),
                        query.countTotal());
    }

    /** The start of a subscription to the owner's changes: how many tasks the owner has now. */
    @QueryHandler
    Long handle(WatchTasksQuery query) {
        return stores.apply(activeGeneration.getAsInt())
                .findPage(query.owner(), TaskFilter.ANY, TaskSort.OLDEST_FIRST, 0, 1, true).total();
    }
}
