package io.taskbot.task;

/** A rule of the task model was broken; {@link #code()} tells which, the message says it for people. */
public class TaskException extends RuntimeException {

    private final TaskErrorCode code;

    public TaskException(TaskErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public TaskErrorCode code() {
        return code;
    }
}
