package io.taskbot.app.task;

import io.taskbot.messaging.Caller;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.FindTaskAsOfQuery;
import io.taskbot.task.FindTaskHistoryQuery;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskView;
import io.taskbot.task.TaskWrites;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The task path of the REST contracts: writes go through {@link TaskWrites}, the read-your-writes path every channel
 * shares (a 201 means the task is in the list), reads straight to the read model and the event store.
 */
@Component
public class TaskGateway {

    private final TaskWrites writes;
    private final QueryGateway queries;

    TaskGateway(CommandGateway commands, QueryGateway queries) {
        this.writes = new TaskWrites(commands, queries);
        this.queries = queries;
    }

    public TaskView create(CreateTaskCommand command, Caller caller) {
        return writes.write(command, caller);
    }

    public TaskView update(UpdateTaskCommand command, Caller caller) {
        return writes.write(command, caller);
    }

    /** Takes back the task's most recent change; answers with the task as it is after the undo. */
    public TaskView undo(UndoTaskCommand command, Caller caller) {
        return writes.write(command, caller);
    }

    public void delete(DeleteTaskCommand command, Caller caller) {
        writes.awaitDeletion(caller.user(), writes.send(command, caller));
    }

    public TaskLookup find(UserId requester, TaskId taskId) {
        return query(new FindTaskQuery(requester, taskId), TaskLookup.class);
    }

    public TaskPage list(FindTasksQuery query) {
        return query(query, TaskPage.class);
    }

    /** Every change of the task, from the event store: it already holds the caller's own latest write. */
    public TaskHistory history(UserId requester, TaskId taskId) {
        return query(new FindTaskHistoryQuery(requester, taskId), TaskHistory.class);
    }

    /** The task as it was at {@code asOf}, rebuilt from its events. */
    public TaskLookup findAsOf(UserId requester, TaskId taskId, Instant asOf) {
        return query(new FindTaskAsOfQuery(requester, taskId, asOf), TaskLookup.class);
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    private <R> R query(Object query, Class<R> resultType) {
        return queries.query(query, resultType).join();
    }
}
