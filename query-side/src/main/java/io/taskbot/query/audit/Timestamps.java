package io.taskbot.query.audit;

import io.taskbot.task.TaskEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a change happened, as the audit tells it: the request time in milliseconds, the precision of every
 * {@code created_at} and {@code updated_at} the read model serves, so that history, past states and current tasks
 * name the same instant alike.
 */
final class Timestamps {

    private Timestamps() {
    }

    static Instant of(TaskEvent event) {
        return event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    }
}
