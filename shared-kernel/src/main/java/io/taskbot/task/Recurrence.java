package io.taskbot.task;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * How a task repeats: an RFC 5545 recurrence rule without the {@code RRULE:} prefix, such as
 * {@code FREQ=WEEKLY;BYDAY=MO}. Checked here once, for every contract and the agent alike, and kept in the form
 * lib-recur writes it. Occurrences are expanded in a time zone, so that a task due at 09:00 stays due at 09:00 local
 * time across a daylight-saving change.
 */
public record Recurrence(String rule) {

    /**
     * Upper bound of occurrences looked at to find the next one after a date: a rule whose next occurrence lies
     * further than this from where the search starts is treated as ended rather than searched for ever.
     */
    private static final int MAX_STEPS = 100_000;

    public Recurrence {
        rule = canonical(rule);
    }

    public static Recurrence parse(String text) {
        return new Recurrence(text);
    }

    /**
     * The due date of the first occurrence from {@code now} on, for a recurring task that has none: a calendar date
     * for a rule that names no hour ({@code FREQ=WEEKLY;BYDAY=MO} is due on the next Monday, today included), a
     * date-time in {@code zone} otherwise (the first of today's or a later hour that has not passed yet).
     *
     * @return empty when the rule has no occurrence from today on (an UNTIL in the past)
     */
    public Optional<DueDate> firstFrom(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (namesAnHour()) {
            ZonedDateTime midnight = today.atStartOfDay(zone);
            return next(DueDate.of(midnight.toOffsetDateTime()), now.minusMillis(1), zone, true);
        }
        return next(DueDate.of(today), today.atStartOfDay(zone).toInstant().minusMillis(1), zone, true);
    }

    /**
     * The occurrence that follows {@code after} in the series that starts at {@code start} (counted for COUNT from
     * there), in the form of {@code start}: a calendar date or a date-time with the offset {@code zone} has then.
     *
     * @return empty once the rule has ended (COUNT or UNTIL)
     */
    public Optional<DueDate> after(DueDate start, DueDate after, ZoneId zone) {
        Instant reference = after.dateOnly() ? after.day().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                : OffsetDateTime.parse(after.value()).toInstant();
        return next(start, reference, zone, false);
    }

    /** Whether the rule can repeat {@code start}; an UNTIL of the wrong form for it cannot. */
    public boolean canStartAt(DueDate start, ZoneId zone) {
        try {
            iterator(start, zone);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<DueDate> next(DueDate start, Instant reference, ZoneId zone, boolean fromStart) {
        RecurrenceRuleIterator occurrences = iterator(start, zone);
        if (!fromStart) {
            // lib-recur skips whole runs of occurrences quickly, still counting them for COUNT; the remainder is walked
            occurrences.fastForward(reference.minus(java.time.Duration.ofDays(1)).toEpochMilli());
        }
        for (int step = 0; step < MAX_STEPS && occurrences.hasNext(); step++) {
            DateTime occurrence = occurrences.nextDateTime();
            Instant at = start.dateOnly() ? day(occurrence).atStartOfDay(zone).toInstant()
                    : Instant.ofEpochMilli(occurrence.getTimestamp());
            if (at.isAfter(reference)) {
                return Optional.of(start.dateOnly() ? DueDate.of(day(occurrence))
                        : DueDate.of(at.atZone(zone).toOffsetDateTime()));
            }
        }
        return Optional.empty();
    }

    private RecurrenceRuleIterator iterator(DueDate start, ZoneId zone) {
        RecurrenceRule parsed = parsed(rule);
        if (start.dateOnly()) {
            LocalDate day = start.day();
            return parsed.iterator(new DateTime(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
        }
        // the local wall-clock time in the user's zone is what repeats, not the offset the first due date had
        ZonedDateTime local = OffsetDateTime.parse(start.value()).atZoneSameInstant(zone);
        return parsed.iterator(new DateTime(TimeZone.getTimeZone(zone), local.getYear(), local.getMonthValue() - 1,
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond()));
    }

    private boolean namesAnHour() {
        RecurrenceRule parsed = parsed(rule);
        return parsed.getFreq() == Freq.HOURLY || parsed.hasPart(RecurrenceRule.Part.BYHOUR)
                || parsed.hasPart(RecurrenceRule.Part.BYMINUTE);
    }

    private static LocalDate day(DateTime occurrence) {
        return LocalDate.of(occurrence.getYear(), occurrence.getMonth() + 1, occurrence.getDayOfMonth());
    }

    private static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("Recurrence must be an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO");
        }
        String trimmed = text.strip();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            throw invalid("Recurrence is the rule without the RRULE: prefix, such as FREQ=WEEKLY;BYDAY=MO");
        }
        RecurrenceRule parsed = parsed(trimmed);
        if (parsed.getFreq() == Freq.SECONDLY || parsed.getFreq() == Freq.MINUTELY) {
            throw invalid("A task repeats at most hourly, got '" + trimmed + "'");
        }
        return parsed.toString();
    }

    private static RecurrenceRule parsed(String text) {
        try {
            return new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw invalid("Recurrence must be an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO, got '" + text + "': "
                    + e.getMessage());
        }
    }

    private static TaskException invalid(String message) {
        return new TaskException(TaskErrorCode.INVALID_RECURRENCE, message);
    }

    @Override
    public String toString() {
        return rule;
    }
}
