package io.taskbot.task;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a task is in its life. Allowed moves: pending and completed into each other, either of them into archived,
 * and archived back to pending.
 */
public enum TaskStatus {
    PENDING, COMPLETED, ARCHIVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(TaskStatus target) {
        return switch (this) {
            case PENDING -> target == COMPLETED || target == ARCHIVED;
            case COMPLETED -> target == PENDING || target == ARCHIVED;
            case ARCHIVED -> target == PENDING;
        };
    }

    public static Optional<TaskStatus> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TaskStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(name.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
