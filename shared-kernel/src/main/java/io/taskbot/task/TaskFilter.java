package io.taskbot.task;

import java.time.LocalDate;

/**
 * Which tasks a list shows; every {@code null} criterion matches all. {@code text} is matched literally and without
 * regard to case against title and description. {@code completed} is the yes/no view of the status that contract
 * 004 filters by: {@code true} is the completed tasks, {@code false} every other one (pending or archived).
 * {@code dueFrom} and {@code dueUntil} are inclusive calendar days; tasks without a due date never match them.
 */
public record TaskFilter(TaskStatus status, Priority priority, String text, String tag, Boolean completed,
                         LocalDate dueFrom, LocalDate dueUntil) {

    public static final TaskFilter ANY = new TaskFilter(null, null, null, null, null, null, null);

    public TaskFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** A filter without due-date bounds, as contract 004 asks. */
    public TaskFilter(TaskStatus status, Priority priority, String text, String tag, Boolean completed) {
        this(status, priority, text, tag, completed, null, null);
    }

    /** A filter without the completion criterion and due-date bounds, as contract 000 asks. */
    public TaskFilter(TaskStatus status, Priority priority, String text, String tag) {
        this(status, priority, text, tag, null, null, null);
    }

    public static TaskFilter withStatus(TaskStatus status) {
        return new TaskFilter(status, null, null, null, null, null, null);
    }
}
