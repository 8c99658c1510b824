package io.taskbot.agent.corpus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the corpus' date notation against a fixed today: {@code +N}/{@code -N} days, {@code dow:fri} (the next
 * Friday after today), {@code dom:15} (the next 15th, today included), {@code md:12-24} (the next December 24, today
 * included), ISO dates, and the additions of the offline model's phrasing sets: {@code eow} (the coming Sunday),
 * {@code eom} (the month's last day), {@code nw}/{@code nwe} (Monday/Sunday of next week). A time is appended as
 * {@code T17:00}; date-times compare as instants.
 */
public final class DueNotation {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private DueNotation() {
    }

    public static String resolve(String notation, LocalDate today, ZoneId zone) {
        String datePart = notation;
        LocalTime time = null;
        int timeAt = notation.lastIndexOf('T');
        if (timeAt > 0 && timeAt + 1 < notation.length() && Character.isDigit(notation.charAt(timeAt + 1))) {
            datePart = notation.substring(0, timeAt);
            time = LocalTime.parse(notation.substring(timeAt + 1));
        }
        LocalDate date = date(datePart.toLowerCase(Locale.ROOT), today);
        return time == null ? date.toString() : ZonedDateTime.of(date, time, zone).toOffsetDateTime().toString();
    }

    /** Whether a due date produced by the interpreter means the same as the expected one. */
    public static boolean same(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        if (expected.length() == 10 || actual.length() == 10) {
            return expected.equals(actual);
        }
        return OffsetDateTime.parse(expected).isEqual(OffsetDateTime.parse(actual));
    }

    private static LocalDate date(String notation, LocalDate today) {
        if (notation.startsWith("+") || notation.startsWith("-")) {
            return today.plusDays(Integer.parseInt(notation));
        }
        if (notation.startsWith("dow:")) {
            return today.with(TemporalAdjusters.next(DAYS.get(notation.substring(4, 7))));
        }
        if (notation.startsWith("dom:")) {
            int day = Integer.parseInt(notation.substring(4));
            YearMonth month = YearMonth.from(today);
            while (true) {
                if (day <= month.lengthOfMonth() && !month.atDay(day).isBefore(today)) {
                    return month.atDay(day);
                }
                month = month.plusMonths(1);
            }
        }
        if (notation.startsWith("md:")) {
            String[] monthDay = notation.substring(3).split("-");
            LocalDate candidate = LocalDate.of(today.getYear(), Integer.parseInt(monthDay[0]),
                    Integer.parseInt(monthDay[1]));
            return candidate.isBefore(today) ? candidate.plusYears(1) : candidate;
        }
        return switch (notation) {
            case "eow" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case "eom" -> today.with(TemporalAdjusters.lastDayOfMonth());
            case "nw" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case "nwe" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(6);
            default -> LocalDate.parse(notation);
        };
    }
}
