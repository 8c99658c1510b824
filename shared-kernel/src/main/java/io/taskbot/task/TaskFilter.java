package io.taskbot.task;

/**
 * Which tasks a list shows; every {@code null} criterion matches all. {@code text} is matched literally and without
 * regard to case against title and description.
 */
public record TaskFilter(TaskStatus status, Priority priority, String text, String tag) {

    public static final TaskFilter ANY = new TaskFilter(null, null, null, null);

    public TaskFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static TaskFilter withStatus(TaskStatus status) {
        return new TaskFilter(status, null, null, null);
    }
}
