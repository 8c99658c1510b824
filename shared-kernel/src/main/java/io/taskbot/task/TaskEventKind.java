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
    DELETED("deleted");

    private final String wireName;

    TaskEventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static TaskEventKind of(TaskEvent event) {
        if (event instanceof TaskCreatedEvent) {
            return CREATED;
        } else if (event instanceof TaskRenamedEvent) {
            return RENAMED;
        } else if (event instanceof TaskDescriptionChangedEvent) {
            return DESCRIPTION_CHANGED;
        } else if (event instanceof TaskPriorityChangedEvent) {
            return PRIORITY_CHANGED;
        } else if (event instanceof TaskDueDateChangedEvent) {
            return DUE_DATE_CHANGED;
        } else if (event instanceof TaskTagsChangedEvent) {
            return TAGS_CHANGED;
        } else if (event instanceof TaskCompletedEvent) {
            return COMPLETED;
        } else if (event instanceof TaskReopenedEvent) {
            return REOPENED;
        } else if (event instanceof TaskArchivedEvent) {
            return ARCHIVED;
        } else if (event instanceof TaskUnarchivedEvent) {
            return UNARCHIVED;
        } else if (event instanceof TaskDeletedEvent) {
            return DELETED;
        }
        // unreachable while TaskEvent stays sealed; a new permitted type must get a kind here
        throw new IllegalArgumentException("no kind for " + event.getClass().getName());
    }
}
