package io.taskbot.task;

/**
 * What kind of change a task event records, under the one name every published form uses: the Kafka type
 * {@code io.taskbot.task.<name>} and the audit history's {@code task.<name>}.
 */
public enum TaskEventKind {
    CREATED("created"),
    RENAMED("renamed"),
    DESCRIPTION_CHANGED("description_changed"),
    PRIORITY_CHANGED("priority_changed"),
    DUE_DATE_CHANGED("due_date_changed"),
    TAGS_CHANGED("tags_changed"),
    COMPLETED("completed"),
    REOPENED("reopened"),
    ARCHIVED("archived"),
    UNARCHIVED("unarchived"),
    DELETED("deleted"),
    RECURRENCE_CHANGED("recurrence_changed"),
    OCCURRENCE_COMPLETED("occurrence_completed"),
    RESTORED("restored");

    private final String wireName;

    TaskEventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
