package io.taskbot.task;

/** The limits of a task's fields, shared by the aggregate that enforces them and the adapters that document them. */
public final class TaskRules {

    public static final int TITLE_MAX_LENGTH = 255;
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int TAG_MAX_LENGTH = 50;
    public static final int MAX_TAGS = 20;

    private TaskRules() {
    }

    /** Trims the title and checks its length; returns the title to store. */
    public static String checkTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new TaskException(TaskErrorCode.TITLE_REQUIRED, "Title is required");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > TITLE_MAX_LENGTH) {
            throw new TaskException(TaskErrorCode.TITLE_TOO_LONG,
                    "Title must be at most " + TITLE_MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Checks the description's length; an absent description is stored as the empty string. */
    public static String checkDescription(String description) {
        String value = description == null ? "" : description;
        if (value.codePointCount(0, value.length()) > DESCRIPTION_MAX_LENGTH) {
            throw new TaskException(TaskErrorCode.DESCRIPTION_TOO_LONG,
                    "Description must be at most " + DESCRIPTION_MAX_LENGTH + " characters");
        }
        return value;
    }
}
