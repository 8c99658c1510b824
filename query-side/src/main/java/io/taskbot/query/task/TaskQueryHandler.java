package io.taskbot.query.task;

import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTaskVersionQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import org.axonframework.queryhandling.QueryHandler;

/** Answers task queries from the read model. Only a task's owner gets to see it. */
class TaskQueryHandler {

    private final TaskViewStore store;

    TaskQueryHandler(TaskViewStore store) {
        this.store = store;
    }

    @QueryHandler
    TaskLookup handle(FindTaskQuery query) {
        return store.find(query.taskId())
                .map(task -> task.owner().equals(query.requester()) ? TaskLookup.found(task) : TaskLookup.notOwner())
                .orElseGet(TaskLookup::notFound);
    }

    @QueryHandler
    TaskPage handle(FindTasksQuery query) {
        return store.findPage(query.owner(), query.filter(), query.sort(), query.offset(), query.limit());
    }

    @QueryHandler
    Long handle(FindTaskVersionQuery query) {
        return store.version(query.taskId());
    }
}
