package io.taskbot.app.task;

import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.FindTaskAsOfQuery;
import io.taskbot.task.FindTaskHistoryQuery;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskView;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Sends task commands with the caller's metadata and answers with the task as the read model shows it once it has
 * caught up with the command's events (a {@link FindTaskQuery} for the written version), so a client that writes
 * and then reads sees its write although the projection runs asynchronously.
 */
@Component
public class TaskGateway {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TaskGateway(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public TaskView create(CreateTaskCommand command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    public TaskView update(UpdateTaskCommand command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    /** Takes back the task's most recent change; answers with the task as it is after the undo. */
    public TaskView undo(UndoTaskCommand command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    public void delete(DeleteTaskCommand command, Caller caller) {
        awaitVersion(send(command, caller), caller.user());
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

    private TaskWritten send(Object command, Caller caller) {
        MetaData metaData = MetaData.from(MetadataKeys.of(caller.user(), caller.channel(), caller.correlationId()));
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "No task with this id");
        }
    }

    private TaskView visible(UserId requester, TaskWritten written) {
        TaskLookup lookup = query(FindTaskQuery.after(requester, written), TaskLookup.class);
        if (lookup.outcome() != TaskLookup.Outcome.FOUND) {
            throw lagging(written);
        }
        return lookup.task();
    }

    private void awaitVersion(TaskWritten written, UserId requester) {
        if (query(FindTaskQuery.after(requester, written), TaskLookup.class).outcome() == TaskLookup.Outcome.BEHIND) {
            throw lagging(written);
        }
    }

    private static ReadModelLagException lagging(TaskWritten written) {
        return new ReadModelLagException("Task " + written.taskId() + " was saved but the read model is behind; "
                + "read it again shortly");
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    private <R> R query(Object query, Class<R> resultType) {
        return queries.query(query, resultType).join();
    }
}
