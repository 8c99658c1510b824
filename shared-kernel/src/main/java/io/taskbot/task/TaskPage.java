package io.taskbot.task;

import java.util.List;

/** One page of a task list, and how many tasks match in all. */
public record TaskPage(List<TaskView> tasks, long total) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
