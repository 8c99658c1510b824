package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/** One task, looked up on behalf of {@code requester}; answered with a {@link TaskLookup}. */
public record FindTaskQuery(UserId requester, TaskId taskId) {

    public FindTaskQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(taskId, "taskId");
    }
}
