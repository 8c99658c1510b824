package io.taskbot.agent.offline;

import io.taskbot.task.Priority;

import java.util.List;
import java.util.Objects;

/**
 * One of the user's tasks as the interpreter sees it: enough to find it by what people call it and to change it
 * without losing what it already has (tags are merged, priority is bumped from its current level).
 *
 * @param dueDate {@code YYYY-MM-DD} or an ISO date-time with offset, or {@code null}
 */
public record TaskRef(String id, String title, boolean completed, Priority priority, String dueDate,
                      List<String> tags) {

    public TaskRef {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        priority = priority == null ? Priority.DEFAULT : priority;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public TaskRef(String id, String title, boolean completed, Priority priority, String dueDate) {
        this(id, title, completed, priority, dueDate, List.of());
    }
}
