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
 */
record Due(LocalDate date, LocalTime time, LocalDate rangeStart, LocalDate rangeEnd, Bound bound) {

    enum Bound {
        ON, BY, AFTER
    }

    Due {
        Objects.requireNonNull(date, "date");
        rangeStart = rangeStart == null ? date : rangeStart;
        rangeEnd = rangeEnd == null ? date : rangeEnd;
        bound = bound == null ? Bound.ON : bound;
    }

    static Due on(LocalDate date) {
        return new Due(date, null, date, date, Bound.ON);
    }

    Due at(LocalTime timeOfDay) {
        return new Due(date, timeOfDay, rangeStart, rangeEnd, bound);
    }

    Due bounded(Bound newBound) {
        return new Due(date, time, rangeStart, rangeEnd, newBound);
    }

    /** {@code YYYY-MM-DD}, or an ISO date-time with the zone's offset on that day when a time was given. */
    String wire(ZoneId zone) {
        if (time == null) {
            return date.toString();
        }
        return ZonedDateTime.of(date, time, zone).toOffsetDateTime().toString();
    }
}
