package io.taskbot.agent.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date and time phrases in a text and what they mean relative to the user's today and now.
 * <p>
 * A hand grammar rather than a parsing library (natty was measured, see README-offline.md): the interpreter needs
 * the exact span of each phrase to cut it out of a title, "next friday" must mean the next Friday, "on the 3rd"
 * and "end of the month" must work, and words that only look like dates ("the sunday brunch", "a christmas tree",
 * "the 4th one") must stay in the title. So bare weekday names count only where a date can end, day-of-month
 * needs a preposition, and holidays need one too.
 */
final class DateGrammar {

    /**
     * A date phrase in the text: {@code [start, end)} including its leading preposition.
     *
     * @param timeOnly whether the phrase names only a time of day ("at 9am"), its day being the next one it fits
     */
    record Found(int start, int end, Due due, boolean timeOnly) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A phrase that lands further ahead than this ("in 400000 weeks") is not read as a due date at all. */
    static final int HORIZON_YEARS = 100;

    private static final String WEEKDAY_NAMES =
            "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";
    private static final String MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String COUNT = "\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fourteen|fifteen|twenty|thirty|a\\s+couple(?:\\s+of)?|couple(?:\\s+of)?|a\\s+few|few";

    private static final Pattern ISO = Pattern.compile(
            "\\b(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?:[T ](?<h>\\d{1,2}):(?<min>\\d{2}))?\\b", FLAGS);
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "\\b(?:(?<dat>(?:the\\s+)?day\\s+after\\s+tomorrow|overmorrow)"
                    + "|(?<today>today|tonight|tonite|this\\s+(?:morning|afternoon|evening))"
                    + "|(?<tomorrow>tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|2morrow)"
                    + "(?:\\s+(?<part>morning|afternoon|evening|night))?"
                    + "|(?<eod>(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?day|eod))\\b", FLAGS);
    private static final Pattern IN_COUNT = Pattern.compile(
            "\\b(?:in|within)\\s+(?<n>" + COUNT + ")\\s+(?<unit>days?|weeks?|months?|years?|hours?|hrs?|minutes?"
                    + "|mins?)\\b|\\b(?<n2>" + COUNT + ")\\s+(?<unit2>days?|weeks?|months?)\\s+from\\s+(?:now|today)\\b"
                    + "|\\bin\\s+(?<half>half\\s+an\\s+hour)\\b", FLAGS);
    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:(?<endNextWeek>(?:the\\s+)?end\\s+of\\s+next\\s+week)"
                    + "|(?<endWeek>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(?:work\\s*)?week|eow)"
                    + "|(?<endNextMonth>(?:the\\s+)?end\\s+of\\s+next\\s+month)"
                    + "|(?<endMonth>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month|eom"
                    + "|(?:the\\s+)?last\\s+day\\s+of\\s+(?:the\\s+|this\\s+)?month)"
                    + "|(?<startNextMonth>(?:the\\s+)?(?:first|beginning|start)\\s+of\\s+next\\s+month)"
                    + "|(?<startNextWeek>(?:the\\s+)?(?:beginning|start)\\s+of\\s+next\\s+week)"
                    + "|(?<endYear>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?year)"
                    + "|(?<nextWeekend>next\\s+weekend)"
                    + "|(?<weekend>(?:this\\s+(?:coming\\s+)?|the\\s+)weekend)"
                    + "|(?<nextWeek>(?:next|the\\s+following)\\s+week)"
                    + "|(?<thisWeek>this\\s+week|later\\s+this\\s+week)"
                    + "|(?<nextMonth>next\\s+month)"
                    + "|(?<thisMonth>this\\s+month|later\\s+this\\s+month)"
                    + "|(?<nextYear>next\\s+year))\\b", FLAGS);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(?<mod>this\\s+coming|the\\s+coming|coming|this|next)\\s+)?(?<dow>" + WEEKDAY_NAMES + ")\\b\\.?",
            FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(?<mon>" + MONTH_NAMES + ")\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>\\d{4})\\b)?",
            FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?:the\\s+)?(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>" + MONTH_NAMES
                    + ")\\b\\.?(?:,?\\s+(?<year>\\d{4})\\b)?", FLAGS);
    private static final Pattern DAY_OF_MONTH = Pattern.compile(
            "\\b(?:on|by|until|till|til|before|due|for|to|from|after|starting|since)\\s+the\\s+(?<day>\\d{1,2})"
                    + "(?:st|nd|rd|th)?\\b(?![:.,]\\d)(?:\\s+of\\s+(?:the\\s+|this\\s+)?month)?"
                    + "(?!\\s+(?:one|ones|task|tasks|todo|todos|item|items|entry|on\\s+the\\s+list)\\b)", FLAGS);
    /**
     * "by 12/20", "on 3/4", "due 11/30/2027": numbers with slashes after a date preposition (so "1/2 cup" stays
     * words). Which number is the month is the user's {@link DateOrder}.
     */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?:\\b(?<lead>on|by|before|until|till|til|due|for|to|from|after|starting|since|is)\\s+(?:the\\s+)?|(?<![\\d/.]))"
                    + "\\b(?<a>\\d{1,2})/(?<b>\\d{1,2})(?:/(?<y>\\d{4}|\\d{2}))?(?![\\d/])", FLAGS);
    /** Where a numeric date without a preposition may end: "call the dentist 12/20", "pay rent 3/4, urgent". */
    private static final Pattern ENDS_A_PHRASE = Pattern.compile(
            "^\\s*(?:$|[,.;!?)]|" + Utterance.SLOT_OPEN + "|(?:at|and|&|\\+|@)(?:\\s|$))", FLAGS);
    /** Words after which "sun", "sat" or "wed" are a noun or a verb, never a day. */
    private static final Set<String> NOT_BEFORE_A_SHORT_DAY = Set.of("the", "a", "an", "my", "your", "our", "in",
            "this", "that", "of", "every", "each", "last", "i", "we", "you", "they", "he", "she", "who", "and");
    private static final Pattern HOLIDAY = Pattern.compile(
            "\\b(?:by|on|for|before|until|till|over|at)\\s+(?<holiday>christmas\\s+eve|xmas\\s+eve"
                    + "|christmas(?:\\s+day)?|xmas|new\\s+year'?s\\s+eve|new\\s+year'?s(?:\\s+day)?|halloween"
                    + "|valentine'?s(?:\\s+day)?)\\b", FLAGS);

    private static final String TIME_LEAD = "(?:\\b(?:at|by|around|before|after|from|until|till)\\s+|@\\s*)?";
    private static final Pattern CLOCK_12H = Pattern.compile(
            TIME_LEAD + "\\b(?<h>\\d{1,2})(?:[:.](?<m>\\d{2}))?\\s*(?<ap>a\\.?m\\.?|p\\.?m\\.?)(?![\\p{L}])", FLAGS);
    private static final Pattern CLOCK_24H = Pattern.compile(
            TIME_LEAD + "\\b(?<h>[01]?\\d|2[0-3]):(?<m>[0-5]\\d)\\b", FLAGS);
    private static final Pattern NAMED_TIME = Pattern.compile(
            TIME_LEAD + "\\b(?<w>noon|midday|midnight)\\b", FLAGS);
    private static final Pattern BARE_HOUR = Pattern.compile(
            "(?:\\b(?:at|around)\\s+(?<h>\\d{1,2})(?:\\s*o'?clock)?|\\b(?<h2>\\d{1,2})\\s*o'?clock)\\b"
                    + "(?!\\s*(?:st|nd|rd|th|%|[:.]\\d)|\\s+(?:days?|weeks?|months?|years?|hours?|minutes?|people"
                    + "|persons|items|tasks|of)\\b)", FLAGS);

    private static final Pattern GAP_BETWEEN_DATE_AND_TIME =
            Pattern.compile("^[\\s,]*(?:(?:at|@|on|by|around)\\s*)?[\\s,]*$", FLAGS);
    private static final Pattern LEADING_PREPOSITIONS = Pattern.compile(
            "(?:\\b(?:on|by|before|until|till|til|for|at|from|starting|after|since|around|over|first\\s+thing"
                    + "|early|later)\\s+)+$", FLAGS);
    /** "saturday morning": the part of the day belongs to the phrase, though only an hour sets a time. */
    private static final Pattern PART_OF_DAY_AFTER = Pattern.compile(
            "^\\s+(?:in\\s+the\\s+)?(?:morning|afternoon|evening|night)\\b", FLAGS);
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s*([\\p{L}\\d@]+)");

    /** Words after which a weekday name still reads as a date ("sunday afternoon", "friday at 5"). */
    private static final Set<String> WEEKDAY_FOLLOWERS = Set.of("at", "by", "and", "or", "morning", "afternoon",
            "evening", "night", "noon", "instead", "then", "please", "for", "too", "so", "but", "if", "@", "before",
            "after", "next", "this", "until", "till", "to", "is", "as", "with", "because", "since", "latest");
    private static final Set<String> DATE_PREPOSITIONS = Set.of("on", "by", "until", "till", "til", "before", "due",
            "from", "after", "for", "starting", "since", "to");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY));

    private DateGrammar() {
    }

    /** The date phrases in order; a time without a date means its next occurrence after {@code now}. */
    static List<Found> find(String text, LocalDate today, LocalTime now) {
        return find(text, today, now, DateOrder.MONTH_FIRST);
    }

    static List<Found> find(String text, LocalDate today, LocalTime now, DateOrder order) {
        List<Piece> pieces = new ArrayList<>();
        collectDates(text, today, now, pieces);
        collectNumericDates(text, today, order, pieces);
        collectTimes(text, pieces);
        LocalDate horizon = today.plusYears(HORIZON_YEARS);
        pieces.removeIf(piece -> piece.hasDate() && piece.date().isAfter(horizon));
        List<Piece> accepted = withoutOverlaps(pieces);
        return merge(text, accepted, today, now);
    }

    /** A piece of a date phrase: a day (with the range it covers), a time of day, or both. */
    private record Piece(int start, int end, LocalDate date, LocalDate rangeStart, LocalDate rangeEnd,
                         LocalTime time, boolean evening, boolean bareHour) {

        boolean hasDate() {
            return date != null;
        }

        boolean hasTime() {
            return time != null;
        }

        static Piece day(Matcher matcher, LocalDate date) {
            return new Piece(matcher.start(), matcher.end(), date, date, date, null, false, false);
        }

        static Piece span(Matcher matcher, LocalDate date, LocalDate start, LocalDate end) {
            return new Piece(matcher.start(), matcher.end(), date, start, end, null, false, false);
        }

        static Piece clock(Matcher matcher, LocalTime time, boolean bareHour) {
            return new Piece(matcher.start(), matcher.end(), null, null, null, time, false, bareHour);
        }
    }

    private static void collectDates(String text, LocalDate today, LocalTime now, List<Piece> pieces) {
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            Optional<LocalDate> date = dateOf(Integer.parseInt(iso.group("y")), Integer.parseInt(iso.group("m")),
                    Integer.parseInt(iso.group("d")));
            if (date.isEmpty()) {
                continue;
            }
            LocalTime time = null;
            if (iso.group("h") != null) {
                int hour = Integer.parseInt(iso.group("h"));
                int minute = Integer.parseInt(iso.group("min"));
                if (hour < 24 && minute < 60) {
                    time = LocalTime.of(hour, minute);
                }
            }
            pieces.add(new Piece(iso.start(), iso.end(), date.get(), date.get(), date.get(), time, false, false));
        }

        Matcher relative = RELATIVE_DAY.matcher(text);
        while (relative.find()) {
            if (relative.group("dat") != null) {
                pieces.add(Piece.day(relative, today.plusDays(2)));
            } else if (relative.group("today") != null) {
                boolean evening = !relative.group("today").toLowerCase(Locale.ROOT).contains("morning");
                pieces.add(new Piece(relative.start(), relative.end(), today, today, today, null, evening, false));
            } else if (relative.group("tomorrow") != null) {
                String part = relative.group("part");
                boolean evening = part != null && !part.equalsIgnoreCase("morning");
                LocalDate tomorrow = today.plusDays(1);
                pieces.add(new Piece(relative.start(), relative.end(), tomorrow, tomorrow, tomorrow, null, evening,
                        false));
            } else {
                pieces.add(Piece.day(relative, today));
            }
        }

        Matcher inCount = IN_COUNT.matcher(text);
        while (inCount.find()) {
            if (inCount.group("half") != null) {
                LocalDateTime at = LocalDateTime.of(today, now).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
                pieces.add(new Piece(inCount.start(), inCount.end(), at.toLocalDate(), null, null, at.toLocalTime(),
                        false, false));
                continue;
            }
            String countText = inCount.group("n") != null ? inCount.group("n") : inCount.group("n2");
            String unit = (inCount.group("unit") != null ? inCount.group("unit") : inCount.group("unit2"))
                    .toLowerCase(Locale.ROOT);
            Optional<Integer> count = Words.number(countText);
            if (count.isEmpty()) {
                continue;
            }
            int n = count.get();
            if (unit.startsWith("h") || unit.startsWith("min")) {
                LocalDateTime at = LocalDateTime.of(today, now)
                        .plus(n, unit.startsWith("h") ? ChronoUnit.HOURS : ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.MINUTES);
                pieces.add(new Piece(inCount.start(), inCount.end(), at.toLocalDate(), null, null, at.toLocalTime(),
                        false, false));
            } else if (unit.startsWith("d")) {
                pieces.add(Piece.day(inCount, today.plusDays(n)));
            } else if (unit.startsWith("w")) {
                pieces.add(Piece.day(inCount, today.plusWeeks(n)));
            } else if (unit.startsWith("mo")) {
                pieces.add(Piece.day(inCount, today.plusMonths(n)));
            } else {
                pieces.add(Piece.day(inCount, today.plusYears(n)));
            }
        }

        Matcher period = PERIOD.matcher(text);
        while (period.find()) {
            pieces.add(periodPiece(period, today));
        }

        Matcher weekday = WEEKDAY.matcher(text);
        while (weekday.find()) {
            weekdayPiece(text, weekday, today).ifPresent(pieces::add);
        }

        for (Pattern pattern : List.of(MONTH_DAY, DAY_MONTH)) {
            Matcher monthDay = pattern.matcher(text);
            while (monthDay.find()) {
                Month month = monthOf(monthDay.group("mon"));
                int day = Integer.parseInt(monthDay.group("day"));
                String year = monthDay.group("year");
                Optional<LocalDate> date = year != null
                        ? dateOf(Integer.parseInt(year), month.getValue(), day)
                        : nextMonthDay(today, month, day);
                date.ifPresent(value -> pieces.add(Piece.day(monthDay, value)));
            }
        }

        Matcher dayOfMonth = DAY_OF_MONTH.matcher(text);
        while (dayOfMonth.find()) {
            nextDayOfMonth(today, Integer.parseInt(dayOfMonth.group("day")))
                    .ifPresent(value -> pieces.add(Piece.day(dayOfMonth, value)));
        }

        Matcher holiday = HOLIDAY.matcher(text);
        while (holiday.find()) {
            String name = holiday.group("holiday").toLowerCase(Locale.ROOT);
            Month month;
            int day;
            if (name.contains("eve")) {
                month = Month.DECEMBER;
                day = name.startsWith("new") ? 31 : 24;
            } else if (name.startsWith("new")) {
                month = Month.JANUARY;
                day = 1;
            } else if (name.startsWith("halloween")) {
                month = Month.OCTOBER;
                day = 31;
            } else if (name.startsWith("valentine")) {
                month = Month.FEBRUARY;
                day = 14;
            } else {
                month = Month.DECEMBER;
                day = 25;
            }
            nextMonthDay(today, month, day).ifPresent(value -> pieces.add(Piece.day(holiday, value)));
        }
    }

    private static void collectNumericDates(String text, LocalDate today, DateOrder order, List<Piece> pieces) {
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (numeric.group("lead") == null && !ENDS_A_PHRASE.matcher(text.substring(numeric.end())).find()) {
                // "1/2 cup of sugar": without a preposition, only a number pair where a phrase ends is a date
                continue;
            }
            int first = Integer.parseInt(numeric.group("a"));
            int second = Integer.parseInt(numeric.group("b"));
            int month = order == DateOrder.MONTH_FIRST ? first : second;
            int day = order == DateOrder.MONTH_FIRST ? second : first;
            if (month < 1 || month > 12) {
                continue;
            }
            String year = numeric.group("y");
            Optional<LocalDate> date = year == null ? nextMonthDay(today, Month.of(month), day)
                    : dateOf(year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year), month, day);
            date.ifPresent(value -> pieces.add(Piece.day(numeric, value)));
        }
    }

    /**
     * " (I read 3/4 as March 4.)" when the message had a numeric date that the other order would read differently
     * and a task got a date from it; empty otherwise. Said so the user sees which convention was assumed.
     */
    static String readingNote(String message, DateOrder order, List<Action> actions) {
        boolean dated = actions.stream().anyMatch(action -> action.toolArguments().containsKey("due_date"));
        if (!dated || message == null) {
            return "";
        }
        List<String> readings = new ArrayList<>();
        String text = Utterance.normalize(message);
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (numeric.group("lead") == null && !ENDS_A_PHRASE.matcher(text.substring(numeric.end())).find()) {
                continue;
            }
            int first = Integer.parseInt(numeric.group("a"));
            int second = Integer.parseInt(numeric.group("b"));
            if (first == second || first > 12 || second > 12 || first < 1 || second < 1) {
                continue;
            }
            Month month = Month.of(order == DateOrder.MONTH_FIRST ? first : second);
            int day = order == DateOrder.MONTH_FIRST ? second : first;
            readings.add(first + "/" + second + " as " + month.getDisplayName(java.time.format.TextStyle.FULL,
                    Locale.ENGLISH) + " " + day);
        }
        return readings.isEmpty() ? "" : " (I read " + String.join(" and ", readings) + ".)";
    }

    private static Piece periodPiece(Matcher period, LocalDate today) {
        LocalDate comingSunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate endOfMonth = today.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate firstOfNextMonth = today.with(TemporalAdjusters.firstDayOfNextMonth());
        if (period.group("endNextWeek") != null) {
            return Piece.day(period, nextMonday.plusDays(6));
        }
        if (period.group("endWeek") != null) {
            return Piece.span(period, comingSunday, today, comingSunday);
        }
        if (period.group("endNextMonth") != null) {
            return Piece.day(period, firstOfNextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        }
        if (period.group("endMonth") != null) {
            return Piece.span(period, endOfMonth, today, endOfMonth);
        }
        if (period.group("startNextMonth") != null) {
            return Piece.day(period, firstOfNextMonth);
        }
        if (period.group("startNextWeek") != null) {
            return Piece.day(period, nextMonday);
        }
        if (period.group("endYear") != null) {
            LocalDate endOfYear = today.with(TemporalAdjusters.lastDayOfYear());
            return Piece.span(period, endOfYear, today, endOfYear);
        }
        if (period.group("nextWeekend") != null) {
            LocalDate saturday = nextMonday.plusDays(5);
            return Piece.span(period, saturday, saturday, saturday.plusDays(1));
        }
        if (period.group("weekend") != null) {
            LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? today : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            return Piece.span(period, saturday, saturday, comingSunday);
        }
        if (period.group("nextWeek") != null) {
            return Piece.span(period, nextMonday, nextMonday, nextMonday.plusDays(6));
        }
        if (period.group("thisWeek") != null) {
            return Piece.span(period, comingSunday, today, comingSunday);
        }
        if (period.group("nextMonth") != null) {
            return Piece.span(period, firstOfNextMonth, firstOfNextMonth,
                    firstOfNextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        }
        if (period.group("thisMonth") != null) {
            return Piece.span(period, endOfMonth, today, endOfMonth);
        }
        LocalDate firstOfNextYear = today.with(TemporalAdjusters.firstDayOfNextYear());
        return Piece.span(period, firstOfNextYear, firstOfNextYear,
                firstOfNextYear.with(TemporalAdjusters.lastDayOfYear()));
    }

    private static Optional<Piece> weekdayPiece(String text, Matcher weekday, LocalDate today) {
        String name = weekday.group("dow").toLowerCase(Locale.ROOT);
        String modifier = weekday.group("mod");
        String before = text.substring(0, weekday.start()).toLowerCase(Locale.ROOT);
        String previousWord = lastWord(before);
        if (previousWord.equals("every") || previousWord.equals("each") || previousWord.equals("last")) {
            return Optional.empty();
        }
        boolean abbreviated = name.length() <= 5 && !name.endsWith("day");
        boolean endsThere = ENDS_A_PHRASE.matcher(text.substring(weekday.end())).find();
        // "haircut fri", "make it thurs": a short name right where a phrase ends is a day, unless a word before it
        // makes it a noun ("in the sun")
        boolean shortDayAtTheEnd = endsThere && !previousWord.isEmpty() && !NOT_BEFORE_A_SHORT_DAY.contains(previousWord);
        if (abbreviated && modifier == null && !DATE_PREPOSITIONS.contains(previousWord) && !shortDayAtTheEnd) {
            return Optional.empty();
        }
        if (!endsLikeADate(text.substring(weekday.end()))) {
            return Optional.empty();
        }
        DayOfWeek dayOfWeek = WEEKDAYS.get(name.substring(0, 3));
        boolean thisWeeksDay = modifier != null && modifier.toLowerCase(Locale.ROOT).equals("this");
        LocalDate date = today.with(thisWeeksDay
                ? TemporalAdjusters.nextOrSame(dayOfWeek) : TemporalAdjusters.next(dayOfWeek));
        return Optional.of(Piece.day(weekday, date));
    }

    /** Whether what follows a weekday name lets it be a date rather than an adjective ("sunday brunch"). */
    private static boolean endsLikeADate(String after) {
        String rest = after.stripLeading();
        if (rest.isEmpty()) {
            return true;
        }
        char next = rest.charAt(0);
        if (",.;!?)-:".indexOf(next) >= 0 || next == Utterance.SLOT_OPEN || Character.isDigit(next)) {
            return true;
        }
        Matcher word = WORD_AFTER.matcher(rest);
        return word.find() && WEEKDAY_FOLLOWERS.contains(word.group(1).toLowerCase(Locale.ROOT));
    }

    private static void collectTimes(String text, List<Piece> pieces) {
        Matcher clock12 = CLOCK_12H.matcher(text);
        while (clock12.find()) {
            int hour = Integer.parseInt(clock12.group("h"));
            int minute = clock12.group("m") == null ? 0 : Integer.parseInt(clock12.group("m"));
            if (hour < 1 || hour > 12 || minute > 59) {
                continue;
            }
            boolean afternoon = clock12.group("ap").toLowerCase(Locale.ROOT).startsWith("p");
            int hour24 = hour % 12 + (afternoon ? 12 : 0);
            pieces.add(Piece.clock(clock12, LocalTime.of(hour24, minute), false));
        }
        Matcher clock24 = CLOCK_24H.matcher(text);
        while (clock24.find()) {
            pieces.add(Piece.clock(clock24, LocalTime.of(Integer.parseInt(clock24.group("h")),
                    Integer.parseInt(clock24.group("m"))), false));
        }
        Matcher named = NAMED_TIME.matcher(text);
        while (named.find()) {
            boolean midnight = named.group("w").equalsIgnoreCase("midnight");
            // "by midnight" means before the day ends, not at its first minute
            pieces.add(Piece.clock(named, midnight ? LocalTime.of(23, 59) : LocalTime.NOON, false));
        }
        Matcher bare = BARE_HOUR.matcher(text);
        while (bare.find()) {
            String digits = bare.group("h") != null ? bare.group("h") : bare.group("h2");
            int hour = Integer.parseInt(digits);
            if (hour < 1 || hour > 12) {
                continue;
            }
            // without am/pm, small hours are afternoon hours: people rarely plan tasks for 3 at night
            int hour24 = hour <= 6 ? hour + 12 : hour;
            pieces.add(Piece.clock(bare, LocalTime.of(hour24 % 24, 0), true));
        }
    }

    private static List<Piece> withoutOverlaps(List<Piece> pieces) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingInt(Piece::start)
                .thenComparing(Comparator.comparingInt((Piece piece) -> piece.end() - piece.start()).reversed()));
        List<Piece> accepted = new ArrayList<>();
        for (Piece candidate : sorted) {
            boolean overlaps = false;
            for (Piece kept : accepted) {
                if (candidate.start() < kept.end() && kept.start() < candidate.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                accepted.add(candidate);
            }
        }
        accepted.sort(Comparator.comparingInt(Piece::start));
        return accepted;
    }

    private static List<Found> merge(String text, List<Piece> pieces, LocalDate today, LocalTime now) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            Piece first = pieces.get(i);
            Piece second = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            boolean combines = second != null
                    && (first.hasDate() != second.hasDate())
                    && !(first.hasDate() && first.hasTime()) && !(second.hasDate() && second.hasTime())
                    && GAP_BETWEEN_DATE_AND_TIME.matcher(text.substring(first.end(), second.start())).matches();
            Piece datePiece = first.hasDate() ? first : (combines ? second : null);
            Piece timePiece = first.hasTime() && !first.hasDate() ? first
                    : (combines && second.hasTime() ? second : null);
            int start = first.start();
            int end = combines ? second.end() : first.end();
            found.add(toFound(text, start, end, datePiece, timePiece, first, today, now));
            i += combines ? 2 : 1;
        }
        return found;
    }

    private static Found toFound(String text, int start, int end, Piece datePiece, Piece timePiece, Piece first,
                                 LocalDate today, LocalTime now) {
        Due due;
        if (datePiece != null) {
            due = new Due(datePiece.date(), datePiece.time(), datePiece.rangeStart(), datePiece.rangeEnd(),
                    Due.Bound.ON);
            if (timePiece != null) {
                LocalTime time = timePiece.time();
                if (timePiece.bareHour() && datePiece.evening() && time.getHour() < 12) {
                    time = time.plusHours(12);
                }
                due = due.at(time);
            }
        } else {
            LocalTime time = first.time();
            LocalDate day = time.isAfter(now) ? today : today.plusDays(1);
            due = Due.on(day).at(time);
        }
        Matcher partOfDay = PART_OF_DAY_AFTER.matcher(text.substring(end));
        if (datePiece != null && partOfDay.find()) {
            end += partOfDay.end();
        }
        Matcher prepositions = LEADING_PREPOSITIONS.matcher(text.substring(0, start));
        int extendedStart = prepositions.find() ? prepositions.start() : start;
        String phrase = text.substring(extendedStart, end).toLowerCase(Locale.ROOT).strip();
        if (phrase.matches("^(?:by|before|until|till|til)\\b.*")) {
            due = due.bounded(Due.Bound.BY);
        } else if (phrase.matches("^(?:after|from|since|starting)\\b.*")) {
            due = due.bounded(Due.Bound.AFTER);
        }
        return new Found(extendedStart, end, due, datePiece == null);
    }

    private static String lastWord(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    /** The month a name or its first three letters stands for ("sept", "Dec"). */
    static Month monthOf(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Optional<LocalDate> dateOf(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** The next such day on or after today ("december 24" said on December 24 means today). */
    private static Optional<LocalDate> nextMonthDay(LocalDate today, Month month, int day) {
        for (int year = today.getYear(); year <= today.getYear() + 4; year++) {
            Optional<LocalDate> date = dateOf(year, month.getValue(), day);
            if (date.isPresent() && !date.get().isBefore(today)) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The next day-of-month on or after today that exists ("the 31st" skips 30-day months). */
    private static Optional<LocalDate> nextDayOfMonth(LocalDate today, int day) {
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i <= 12; i++) {
            YearMonth candidate = month.plusMonths(i);
            if (day >= 1 && day <= candidate.lengthOfMonth()) {
                LocalDate date = candidate.atDay(day);
                if (!date.isBefore(today)) {
                    return Optional.of(date);
                }
            }
        }
        return Optional.empty();
    }
}
