package io.taskbot.task;

import io.taskbot.user.UserId;

import java.util.Objects;

/**
 * A page of {@code owner}'s tasks matching {@code filter}, in {@code sort} order; answered with a {@link TaskPage}.
 * With {@code countTotal} false the page's total is counted only when the page itself tells it (see
 * {@link TaskPage#NOT_COUNTED}): for readers that show no total, counting costs a second pass over the owner's tasks.
 */
public record FindTasksQuery(UserId owner, TaskFilter filter, TaskSort sort, int offset, int limit,
                             boolean countTotal) {

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

    /** A page with its total. */
    public FindTasksQuery(UserId owner, TaskFilter filter, TaskSort sort, int offset, int limit) {
        this(owner, filter, sort, offset, limit, true);
    }

    /** The same page, for a reader that does not show the total. */
    public FindTasksQuery withoutTotal() {
        return new FindTasksQuery(owner, filter, sort, offset, limit, false);
    }
}
