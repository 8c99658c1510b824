package io.taskbot.task;

/** Why the task model refused a command. Each contract maps these codes to its own status codes and error bodies. */
public enum TaskErrorCode {
    TITLE_REQUIRED,
    TITLE_TOO_LONG,
    DESCRIPTION_TOO_LONG,
    INVALID_DUE_DATE,
    INVALID_TAG,
    INVALID_RECURRENCE,
    INVALID_STATUS_TRANSITION,
    /** The task exists but belongs to someone else. */
    NOT_OWNER,
    /** No task has this id. */
    NOT_FOUND,
    /** The task was deleted; it takes no further changes. */
    DELETED,
    /** The task has no change left that an undo could take back; its creation is not one. */
    NOTHING_TO_UNDO
}
