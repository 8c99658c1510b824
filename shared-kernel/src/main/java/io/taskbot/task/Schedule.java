package io.taskbot.task;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring task's series: its rule, the due date the series starts at (a COUNT counts occurrences from there)
 * and the zone its occurrences are expanded in, the user's zone when the rule was set. Keeping the zone with the
 * series makes the next due date the same whoever completes the task, from wherever.
 */
public record Schedule(Recurrence recurrence, DueDate start, ZoneId zone) {

    public Schedule {
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The series of {@code recurrence} for a task due {@code dueDate}, or, with none, from its first occurrence from
     * {@code now} on.
     *
     * @throws TaskException INVALID_RECURRENCE when the rule has no occurrence there, or cannot repeat that due date
     */
    public static Schedule starting(Recurrence recurrence, DueDate dueDate, Instant now, ZoneId zone) {
        DueDate start = dueDate != null ? dueDate : recurrence.firstFrom(now, zone).orElseThrow(() ->
                new TaskException(TaskErrorCode.INVALID_RECURRENCE,
                        "Recurrence " + recurrence + " has no occurrence from today on"));
        if (!recurrence.canStartAt(start, zone)) {
            throw new TaskException(TaskErrorCode.INVALID_RECURRENCE, "Recurrence " + recurrence
                    + " cannot repeat the due date " + start + ": an UNTIL must be a date for a date, a date-time"
                    + " in UTC (ending in Z) for a date-time");
        }
        return new Schedule(recurrence, start, zone);
    }

    /**
     * The due date of the occurrence after the one due {@code dueDate}; with no due date, the first from
     * {@code now} on. Empty once the rule has ended.
     */
    public Optional<DueDate> nextAfter(DueDate dueDate, Instant now) {
        DueDate after = dueDate != null ? dueDate
                : start.dateOnly() ? DueDate.of(now.atZone(zone).toLocalDate().minusDays(1))
                : DueDate.of(now.atZone(zone).toOffsetDateTime());
        return recurrence.after(start, after, zone);
    }
}
