package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * One task, looked up on behalf of {@code requester}; answered with a {@link TaskLookup}. With a {@code minVersion}
 * (the {@link TaskWritten#version()} of one's own write) the answer waits until the read model reflects that write,
 * and says {@link TaskLookup.Outcome#BEHIND} if it did not in time.
 */
public record FindTaskQuery(UserId requester, TaskId taskId, long minVersion) {

    /** Any version the read model has. */
    public static final long ANY_VERSION = -1;

    public FindTaskQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(taskId, "taskId");
    }

    public FindTaskQuery(UserId requester, TaskId taskId) {
        this(requester, taskId, ANY_VERSION);
    }

    /** The task as it is after {@code written}. */
    public static FindTaskQuery after(UserId requester, TaskWritten written) {
        return new FindTaskQuery(requester, written.taskId(), written.version());
    }
}
