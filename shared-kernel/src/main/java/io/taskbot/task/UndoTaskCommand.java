package io.taskbot.task;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Takes back the task's most recent change that was not taken back yet, by events that restore the task as it was
 * before it; a deleted task comes back. Only its owner may; answered with the task's {@link TaskWritten}.
 */
public record UndoTaskCommand(@TargetAggregateIdentifier TaskId taskId, UserId requester, Instant requestedAt) {

    public UndoTaskCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
