package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/** A page of {@code owner}'s tasks matching {@code filter}, in {@code sort} order; answered with a {@link TaskPage}. */
public record FindTasksQuery(UserId owner, TaskFilter filter, TaskSort sort, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindTasksQuery {
        Objects.requireNonNull(owner, "owner");
        filter = filter == null ? TaskFilter.ANY : filter;
        sort = sort == null ? TaskSort.OLDEST_FIRST : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
