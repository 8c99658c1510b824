package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One task as it was at {@code asOf}, rebuilt from its events; answered with a {@link TaskLookup} that is
 * {@link TaskLookup.Outcome#NOT_FOUND} when the task did not exist yet, or no longer, at that instant.
 */
public record FindTaskAsOfQuery(UserId requester, TaskId taskId, Instant asOf) {

    public FindTaskAsOfQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
