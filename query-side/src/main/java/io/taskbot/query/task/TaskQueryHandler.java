package io.taskbot.query.task;

import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import org.axonframework.queryhandling.QueryHandler;

/** Answers task queries from the read model. Only a task's owner gets to see it. */
class TaskQueryHandler {

    private final TaskViewStore store;
    private final ProjectionProgress progress;

    TaskQueryHandler(TaskViewStore store, ProjectionProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @QueryHandler
    TaskLookup handle(FindTaskQuery query) {
        if (query.minVersion() > FindTaskQuery.ANY_VERSION
                && !progress.await(query.taskId().toString(), query.minVersion(), () -> store.version(query.taskId()))) {
            return TaskLookup.behind();
        }
        return store.find(query.taskId())
                .map(task -> task.owner().equals(query.requester()) ? TaskLookup.found(task) : TaskLookup.notOwner())
                .orElseGet(TaskLookup::notFound);
    }

    @QueryHandler
    TaskPage handle(FindTasksQuery query) {
        return store.findPage(query.owner(), query.filter(), query.sort(), query.offset(), query.limit());
    }
}
