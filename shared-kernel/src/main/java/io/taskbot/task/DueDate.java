package io.taskbot.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a task is due: either a calendar date ({@code 2026-12-24}) or an instant with its offset
 * ({@code 2026-12-24T17:00:00+01:00}), kept as the ISO-8601 text the user's zone produced.
 */
public record DueDate(String value) {

    public DueDate {
        value = canonical(value);
    }

    public static DueDate of(LocalDate date) {
        return new DueDate(date.toString());
    }

    public static DueDate of(OffsetDateTime dateTime) {
        return new DueDate(dateTime.toString());
    }

    /** Parses {@code YYYY-MM-DD} or an ISO-8601 date-time with offset; throws INVALID_DUE_DATE otherwise. */
    public static DueDate parse(String text) {
        return new DueDate(text);
    }

    public boolean dateOnly() {
        return value.length() == 10;
    }

    public Optional<LocalDate> date() {
        return dateOnly() ? Optional.of(LocalDate.parse(value)) : Optional.empty();
    }

    /** The calendar day the task is due, in the offset it was given with. */
    public LocalDate day() {
        return dateOnly() ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
    }

    private static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text);
        }
        String trimmed = text.strip();
        try {
            return trimmed.length() == 10 ? LocalDate.parse(trimmed).toString() : OffsetDateTime.parse(trimmed).toString();
        } catch (DateTimeParseException e) {
            throw invalid(trimmed);
        }
    }

    private static TaskException invalid(String text) {
        return new TaskException(TaskErrorCode.INVALID_DUE_DATE,
                "Due date must be YYYY-MM-DD or an ISO-8601 date-time with offset, got '" + text + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
