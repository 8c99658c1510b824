package io.taskbot.app.task;

import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTaskVersionQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskView;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends task commands with the caller's metadata and answers with the task as the read model shows it once it has
 * caught up with the command's events, so a client that writes and then reads sees its write although the
 * projection runs asynchronously. Waiting is done by asking the read model for the task's version, which works
 * whichever node's processor applies the events.
 */
@Component
public class TaskGateway {

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(25).toNanos();

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration readYourWritesTimeout;

    TaskGateway(CommandGateway commands, QueryGateway queries, TaskbotProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWritesTimeout = properties.readYourWrites().timeout();
    }

    public TaskView create(CreateTaskCommand command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    public TaskView update(UpdateTaskCommand command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    public void delete(DeleteTaskCommand command, Caller caller) {
        awaitVersion(send(command, caller));
    }

    public TaskLookup find(UserId requester, TaskId taskId) {
        return query(new FindTaskQuery(requester, taskId), TaskLookup.class);
    }

    public TaskPage list(FindTasksQuery query) {
        return query(query, TaskPage.class);
    }

    private TaskWritten send(Object command, Caller caller) {
        MetaData metaData = MetaData.from(Map.of(
                MetadataKeys.USER_ID, Long.toString(caller.user().value()),
                MetadataKeys.CHANNEL, caller.channel().value(),
                MetadataKeys.CORRELATION_ID, caller.correlationId()));
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "No task with this id");
        }
    }

    private TaskView visible(UserId requester, TaskWritten written) {
        awaitVersion(written);
        TaskLookup lookup = find(requester, written.taskId());
        if (lookup.outcome() != TaskLookup.Outcome.FOUND) {
            throw new ReadModelLagException("Task " + written.taskId() + " was saved but is not readable yet");
        }
        return lookup.task();
    }

    private void awaitVersion(TaskWritten written) {
        long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        FindTaskVersionQuery versionQuery = new FindTaskVersionQuery(written.taskId());
        while (query(versionQuery, Long.class) < written.version()) {
            if (System.nanoTime() > deadline) {
                throw new ReadModelLagException("Task " + written.taskId() + " was saved but the read model is "
                        + "behind; read it again shortly");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    private <R> R query(Object query, Class<R> resultType) {
        try {
            return queries.query(query, resultType).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while querying the read model", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Query " + query.getClass().getSimpleName() + " failed", cause);
        }
    }
}
