package io.taskbot.task;

import io.taskbot.messaging.Caller;
import io.taskbot.messaging.ReadModelLagException;
import io.taskbot.messaging.ReadYourWrites;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Task commands as every channel sends them (see {@link ReadYourWrites}): answered with the task as the read model
 * shows it once it has caught up with the command's events, so that a client that writes and then lists sees its
 * write although the projection runs asynchronously.
 */
public final class TaskWrites {

    private final ReadYourWrites writes;

    public TaskWrites(CommandGateway commands, QueryGateway queries) {
        this.writes = new ReadYourWrites(commands, queries);
    }

    /**
     * Sends a task command as {@code caller} and answers with the task as it is after it.
     *
     * @throws TaskException         when the task model refuses the command, {@link TaskErrorCode#NOT_FOUND} for
     *                               an unknown task
     * @throws ReadModelLagException when the command was stored but the read model did not show it in time
     */
    public TaskView write(Object command, Caller caller) {
        return visible(caller.user(), send(command, caller));
    }

    /** Sends a task command as {@code caller}, without reading anything back. */
    public TaskWritten send(Object command, Caller caller) {
        try {
            return writes.send(command, caller);
        } catch (AggregateNotFoundException e) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "No task with this id");
        }
    }

    /** The task as the read model shows it once it holds {@code written}. */
    public TaskView visible(UserId requester, TaskWritten written) {
        return writes.readAfterWrite(FindTaskQuery.after(requester, written), TaskLookup.class,
                lookup -> lookup.outcome() == TaskLookup.Outcome.FOUND, "Task " + written.taskId()).task();
    }

    /** Returns once the read model holds {@code written}, a deletion, so that listings no longer show the task. */
    public void awaitDeletion(UserId requester, TaskWritten written) {
        writes.readAfterWrite(FindTaskQuery.after(requester, written), TaskLookup.class,
                lookup -> lookup.outcome() != TaskLookup.Outcome.BEHIND, "Task " + written.taskId());
    }
}
