package io.taskbot.task;

/**
 * Which tasks a list shows; every {@code null} criterion matches all. {@code text} is matched literally and without
 * regard to case against title and description. {@code completed} is the yes/no view of the status that contract
 * 004 filters by: {@code true} is the completed tasks, {@code false} every other one (pending or archived).
 */
public record TaskFilter(TaskStatus status, Priority priority, String text, String tag, Boolean completed) {

    public static final TaskFilter ANY = new TaskFilter(null, null, null, null, null);

    public TaskFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** A filter without the completion criterion, as contracts 000 and 003 ask. */
    public TaskFilter(TaskStatus status, Priority priority, String text, String tag) {
        this(status, priority, text, tag, null);
    }

    public static TaskFilter withStatus(TaskStatus status) {
        return new TaskFilter(status, null, null, null, null);
    }
}
