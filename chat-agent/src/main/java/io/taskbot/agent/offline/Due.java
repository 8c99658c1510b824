package io.taskbot.agent.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A point in time the user named. {@code date} is what a task gets as its due date; the range is what the phrase
 * covers when it filters a listing ("this week" is today to Sunday, but a task due "this week" is due on Sunday).
 *
 * @param time  the time of day, or {@code null} for a whole day
 * @param bound whether the phrase was "by/before/until …" or "after/from …", for listings
 * @param recurrence the RRULE when the phrase repeats ("every monday at 9"), {@code date} being its first
 *                   occurrence; {@code null} for a single date
 */
record Due(LocalDate date, LocalTime time, LocalDate rangeStart, LocalDate rangeEnd, Bound bound, String recurrence) {

    enum Bound {
        ON, BY, AFTER
    }

    Due {
        Objects.requireNonNull(date, "date");
        rangeStart = rangeStart == null ? date : rangeStart;
        rangeEnd = rangeEnd == null ? date : rangeEnd;
        bound = bound == null ? Bound.ON : bound;
    }

    Due(LocalDate date, LocalTime time, LocalDate rangeStart, LocalDate rangeEnd, Bound bound) {
        this(date, time, rangeStart, rangeEnd, bound, null);
    }

    /** The first occurrence of a repetition rule, at a time of day or for the whole day. */
    static Due repeating(RecurrenceGrammar.Rule rule, LocalDate today, LocalTime now, LocalTime at) {
        LocalDate first = rule.firstOccurrence(today, now, at);
        return new Due(first, at, first, first, Bound.ON, rule.rrule());
    }

    static Due on(LocalDate date) {
        return new Due(date, null, date, date, Bound.ON);
    }

    Due at(LocalTime timeOfDay) {
        return new Due(date, timeOfDay, rangeStart, rangeEnd, bound, recurrence);
    }

    Due bounded(Bound newBound) {
        return new Due(date, time, rangeStart, rangeEnd, newBound, recurrence);
    }

    /** {@code YYYY-MM-DD}, or an ISO date-time with the zone's offset on that day when a time was given. */
    String wire(ZoneId zone) {
        if (time == null) {
            return date.toString();
        }
        return ZonedDateTime.of(date, time, zone).toOffsetDateTime().toString();
    }
}
