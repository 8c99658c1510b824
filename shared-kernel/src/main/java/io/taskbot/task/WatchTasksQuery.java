package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * A subscription to the changes of {@code owner}'s tasks as the read model applies them. The initial answer is how
 * many tasks the owner has; every update afterwards is a {@link TaskChange} of one of the owner's tasks, and only of
 * the owner's.
 */
public record WatchTasksQuery(UserId owner) {

    public WatchTasksQuery {
        Objects.requireNonNull(owner, "owner");
    }
}
