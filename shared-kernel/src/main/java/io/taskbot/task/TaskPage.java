package io.taskbot.task;

import java.util.List;

/** One page of a task list, and how many tasks match in all ({@link #NOT_COUNTED} if the query asked not to count). */
public record TaskPage(List<TaskView> tasks, long total) {

    /** The total of a page whose query did not ask for it, and that did not tell it by itself. */
    public static final long NOT_COUNTED = -1;

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
