package io.taskbot.task;

import io.taskbot.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Deletes a task for good; its history stays in the event store. Answered with the task's {@link TaskWritten}. */
public record DeleteTaskCommand(@TargetAggregateIdentifier TaskId taskId, UserId requester, Instant requestedAt) {

    public DeleteTaskCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
