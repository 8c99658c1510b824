package io.taskbot.task;

import java.util.Objects;

/** The order of a task list. Ties are broken by task id, so pages never overlap. */
public record TaskSort(Field field, boolean ascending) {

    public enum Field { CREATED_AT, UPDATED_AT, PRIORITY }

    /** Lists are in creation order, oldest first, unless a client asks otherwise. */
    public static final TaskSort OLDEST_FIRST = new TaskSort(Field.CREATED_AT, true);

    public TaskSort {
        Objects.requireNonNull(field, "field");
    }
}
