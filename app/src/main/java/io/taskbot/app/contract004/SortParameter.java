package io.taskbot.app.contract004;

import io.taskbot.task.TaskSort;

import java.util.Locale;

/**
 * The {@code sort} query parameter of {@code GET /v1/tasks}: {@code field}, {@code field:asc}, {@code field:desc} or
 * {@code -field}, over created_at, updated_at and priority. A bare field sorts ascending, like the {@code -field}
 * shorthand implies; no parameter is the default order, oldest first.
 */
final class SortParameter {

    static final String ACCEPTED = "created_at, updated_at or priority, optionally as field:asc, field:desc or -field";

    private SortParameter() {
    }

    static TaskSort parse(String text) {
        if (text == null || text.isBlank()) {
            return TaskSort.OLDEST_FIRST;
        }
        String value = text.strip();
        if (value.startsWith("-")) {
            return new TaskSort(field(value.substring(1)), false);
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return new TaskSort(field(value), true);
        }
        return new TaskSort(field(value.substring(0, colon)), ascending(value.substring(colon + 1)));
    }

    private static TaskSort.Field field(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "created_at" -> TaskSort.Field.CREATED_AT;
            case "updated_at" -> TaskSort.Field.UPDATED_AT;
            case "priority" -> TaskSort.Field.PRIORITY;
            default -> throw invalid();
        };
    }

    private static boolean ascending(String direction) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw invalid();
        };
    }

    private static V1Failure invalid() {
        return V1Failure.invalidInput("sort must be " + ACCEPTED);
    }
}
