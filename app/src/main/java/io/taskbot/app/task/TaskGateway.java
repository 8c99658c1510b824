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
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends task commands with the caller's metadata and answers with the task as the read model shows it once it has
 * caught up with the command's events, so a client that writes and then reads sees its write although the
 * projection runs asynchronously. The wait subscribes to the task's read-model version before looking at it: the
 * projection's update wakes it when this node applies the events, and a slow poll covers events applied by another
 * node's processor.
 */
@Component
public class TaskGateway {

    /** How often a waiting writer looks itself, for events that another node's processor applies. */
    private static final Duration CROSS_NODE_POLL = Duration.ofMillis(50);

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

    /**
     * Subscribes to the task's read-model version, then looks at it: the projection's update (delivered on its own
     * thread) completes the wait as soon as this node applies the events; looking again every
     * {@link #CROSS_NODE_POLL} covers events applied by another node. The waiting happens on the request's own
     * thread, so nothing else is ever interrupted.
     */
    private void awaitVersion(TaskWritten written) {
        FindTaskVersionQuery versionQuery = new FindTaskVersionQuery(written.taskId());
        SubscriptionQueryResult<Long, Long> subscription = queries.subscriptionQuery(versionQuery, Long.class,
                Long.class);
        try {
            CompletableFuture<Long> reached = new CompletableFuture<>();
            subscription.updates()
                    .filter(applied -> applied >= written.version())
                    .subscribe(reached::complete, reached::completeExceptionally);
            long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
            while (query(versionQuery, Long.class) < written.version()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw lagging(written);
                }
                try {
                    reached.get(Math.min(left, CROSS_NODE_POLL.toNanos()), TimeUnit.NANOSECONDS);
                    return;
                } catch (TimeoutException lookAgain) {
                    // nothing applied here yet: read the version again, another node may have applied it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw lagging(written);
                } catch (ExecutionException e) {
                    throw lagging(written);
                }
            }
        } finally {
            subscription.cancel();
        }
    }

    private static ReadModelLagException lagging(TaskWritten written) {
        return new ReadModelLagException("Task " + written.taskId() + " was saved but the read model is behind; "
                + "read it again shortly");
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
