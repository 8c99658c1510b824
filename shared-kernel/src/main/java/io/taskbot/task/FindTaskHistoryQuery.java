package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * Every change of one task, oldest first, asked for by {@code requester}; answered with a {@link TaskHistory}. Read from
 * the task's own event stream, so it includes the requester's latest write and survives the task's deletion.
 */
public record FindTaskHistoryQuery(UserId requester, TaskId taskId) {

    public FindTaskHistoryQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(taskId, "taskId");
    }
}
