package io.taskbot.app.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the {@code as_of} of a time-travel request: an ISO-8601 date-time with a zone offset or {@code Z}. */
public final class PastInstant {

    public static final String EXPECTED = "as_of must be an ISO-8601 date-time with offset, e.g. 2026-03-01T17:00:00Z";

    private PastInstant() {
    }

    /**
     * The instant {@code text} names, or empty when it names none. A {@code +} that arrived unencoded in the query
     * string reaches us as a space ({@code 2026-03-01T17:00:00 01:00}); it can only have been a plus, so it is read as
     * one instead of failing a request whose meaning is clear.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String candidate = text.strip();
        int time = candidate.indexOf('T');
        if (time > 0) {
            candidate = candidate.substring(0, time) + candidate.substring(time).replace(' ', '+');
        }
        try {
            return Optional.of(OffsetDateTime.parse(candidate).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
