package io.taskbot.agent.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slot extractor for repeating tasks: finds "every monday", "every other day", "on the 1st of every month",
 * "every weekday", "each friday", "monthly on the 15th", "twice a week"-free plain rules, and turns each into an
 * RFC 5545 RRULE ({@code FREQ=WEEKLY;BYDAY=MO}) plus the first occurrence from the user's today.
 * <p>
 * Only phrases that say the repetition outright count: "the weekly report" is a title (an adverb counts only where a
 * clause or a date phrase can end), and "every chapter" names no period. The time of day ("at 9am") is read by
 * {@link DateGrammar} next to the phrase; {@link Utterance} joins the two into one date slot.
 */
final class RecurrenceGrammar {

    enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    /**
     * One repetition rule, as the RRULE parts the agent writes.
     *
     * @param monthDays days of the month ({@code -1} is the last one), for monthly and yearly rules
     * @param month     the month of a yearly rule, or {@code null}
     */
    record Rule(Frequency frequency, int interval, Set<DayOfWeek> days, Set<Integer> monthDays, Month month) {

        Rule {
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
            monthDays = Set.copyOf(monthDays);
            interval = Math.max(1, interval);
        }

        /** The RRULE without its {@code RRULE:} prefix; parts in a fixed order, INTERVAL only when above one. */
        String rrule() {
            StringBuilder rule = new StringBuilder("FREQ=").append(frequency.name());
            if (interval > 1) {
                rule.append(";INTERVAL=").append(interval);
            }
            if (month != null) {
                rule.append(";BYMONTH=").append(month.getValue());
            }
            if (!monthDays.isEmpty()) {
                rule.append(";BYMONTHDAY=").append(String.join(",",
                        new TreeSet<>(monthDays).stream().map(String::valueOf).toList()));
            }
            if (!days.isEmpty()) {
                rule.append(";BYDAY=").append(String.join(",", EnumSet.copyOf(days).stream()
                        .map(day -> day.name().substring(0, 2)).toList()));
            }
            return rule.toString();
        }

        /**
         * The first day the task falls due: the next matching day, today included for daily, monthly and yearly
         * rules unless the time of day has passed; never today for weekday rules, as "on friday" never means today.
         */
        LocalDate firstOccurrence(LocalDate today, LocalTime now, LocalTime at) {
            boolean todayStillOpen = at == null || at.isAfter(now);
            LocalDate start = todayStillOpen && days.isEmpty() ? today : today.plusDays(1);
            for (LocalDate day = start; !day.isAfter(today.plusYears(9)); day = day.plusDays(1)) {
                if (matches(day)) {
                    return day;
                }
            }
            return start;
        }

        private boolean matches(LocalDate day) {
            if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
                return false;
            }
            if (month != null && day.getMonth() != month) {
                return false;
            }
            if (!monthDays.isEmpty()) {
                int last = day.lengthOfMonth();
                return monthDays.contains(day.getDayOfMonth()) || monthDays.contains(-1) && day.getDayOfMonth() == last;
            }
            return true;
        }

        /** How the reply says it: "every Monday", "every 2 days", "every weekday", "on the 1st of every month". */
        String describe() {
            String every = interval > 1 ? "every " + interval + " " : "every ";
            if (!days.isEmpty()) {
                if (days.equals(WORKDAYS) && interval == 1) {
                    return "every weekday";
                }
                if (days.equals(WEEKEND) && interval == 1) {
                    return "every weekend";
                }
                String names = joined(EnumSet.copyOf(days).stream()
                        .map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList());
                return interval == 2 ? "every other " + names : interval > 2 ? every + "weeks on " + names
                        : "every " + names;
            }
            if (!monthDays.isEmpty()) {
                String dayNames = joined(new TreeSet<>(monthDays).stream().map(RecurrenceGrammar::dayName).toList());
                String monthName = month == null ? null : month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                return monthName != null ? "every year on " + monthName + " " + dayNames.replace("the ", "")
                        : "on " + dayNames + " of every " + (interval > 1 ? interval + " months" : "month");
            }
            String unit = switch (frequency) {
                case DAILY -> "day";
                case WEEKLY -> "week";
                case MONTHLY -> "month";
                case YEARLY -> "year";
            };
            return interval == 2 ? "every other " + unit : interval > 2 ? every + unit + "s" : "every " + unit;
        }
    }

    /** A repetition phrase in the text: {@code [start, end)}. */
    record Found(int start, int end, Rule rule) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue"
            + "|weds|wed|thurs|thur|thu|fri|sat|sun)";
    private static final String DAY_LIST = WEEKDAY + "s?(?:\\s*(?:,|and|&|/|\\+|or)\\s*(?:and\\s+)?" + WEEKDAY
            + "s?)*";
    private static final String PLURAL_DAY_LIST = WEEKDAY + "s(?:\\s*(?:,|and|&|/|\\+|or)\\s*(?:and\\s+)?" + WEEKDAY
            + "s)*";
    private static final String ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            + "|eleventh|twelfth|fifteenth|twentieth";
    private static final String MONTH_DAY = "(?:\\d{1,2}(?:st|nd|rd|th)?|" + ORDINAL_WORDS + "|last(?:\\s+day)?)";
    private static final String MONTH_DAY_LIST = MONTH_DAY + "(?:\\s*(?:,|and|&)\\s*(?:the\\s+)?" + MONTH_DAY + ")*";
    private static final String MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String COUNT = "\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve";
    private static final String UNIT = "days?|weeks?|months?|years?|fortnights?|week\\s*days?|work\\s*days?"
            + "|business\\s+days?|weekends?|mornings?|evenings?|nights?";
    /** What may follow a period: which weekdays, which day of the month, which day of the year. */
    private static final String ON_WHICH = "(?:\\s*,?\\s+on\\s+(?:the\\s+)?(?:(?<wdays>" + DAY_LIST + ")|(?<mdays>"
            + MONTH_DAY_LIST + ")(?:\\s+day)?(?:\\s+of\\s+the\\s+month)?|(?<mon>" + MONTH_NAMES + ")\\s+(?<md>\\d{1,2})"
            + "(?:st|nd|rd|th)?))?";

    /** "every monday morning": the part of the day belongs to the phrase, though only an hour sets a time. */
    private static final String PART_OF_DAY = "(?:\\s+(?:in\\s+the\\s+)?(?:morning|afternoon|evening|night)s?\\b)?";
    private static final Pattern EVERY_WEEKDAY = Pattern.compile(
            "\\b(?:every|each)\\s+(?:(?<other>other|second|alternate)\\s+)?(?:single\\s+)?(?<days>" + DAY_LIST
                    + ")\\b" + PART_OF_DAY, FLAGS);
    private static final Pattern EVERY_PERIOD = Pattern.compile(
            "\\b(?:every|each)\\s+(?:(?<other>other|second|alternate)\\s+|(?<n>" + COUNT + ")\\s+)?(?:single\\s+)?"
                    + "(?<unit>" + UNIT + ")\\b" + ON_WHICH, FLAGS);
    private static final Pattern ONCE_A = Pattern.compile(
            "\\bonce\\s+(?:a|per|every)\\s+(?<unit>day|week|month|year)\\b" + ON_WHICH, FLAGS);
    /** "water the plants weekly", "pay rent monthly on the 1st": an adverb only where the phrase can end. */
    private static final Pattern ADVERB = Pattern.compile(
            "\\b(?:on\\s+a\\s+)?(?<adverb>daily|weekly|monthly|yearly|annually|fortnightly|bi-?weekly|nightly)"
                    + "(?:\\s+basis)?\\b" + ON_WHICH
                    + "(?=\\s*(?:$|[,.;!?)]|" + Utterance.SLOT_OPEN + "|(?:at|from|starting|until|and|please|pls)\\b"
                    + "|\\d))", FLAGS);
    private static final Pattern DAY_OF_EVERY_MONTH = Pattern.compile(
            "\\b(?:on\\s+)?(?:the\\s+)?(?<mdays>" + MONTH_DAY_LIST + ")(?:\\s+day)?\\s+of\\s+(?:every|each)\\s+"
                    + "(?:(?<n>" + COUNT + "|other)\\s+)?months?\\b"
                    + "|\\b(?:every|each)\\s+(?:the\\s+)?(?<mdays2>\\d{1,2}(?:st|nd|rd|th)|" + ORDINAL_WORDS
                    + "|last\\s+day)(?:\\s+(?:day\\s+)?of\\s+(?:the|each|every|a)\\s+month)?\\b", FLAGS);
    /** "on mondays", "on weekdays", "weekends": a plural says it is a habit, not one date. */
    private static final Pattern ON_PLURAL_DAYS = Pattern.compile(
            "\\b(?:on\\s+)(?:(?<days>" + PLURAL_DAY_LIST + ")|(?<workdays>weekdays|workdays|week\\s+days)"
                    + "|(?<weekends>weekends))\\b" + PART_OF_DAY, FLAGS);

    private static final Map<String, Integer> COUNTS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "seven", 7, "eight", 8, "nine", 9, "ten", 10, "twelve", 12);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("fifteenth", 15),
            Map.entry("twentieth", 20));
    private static final int MAX_INTERVAL = 999;

    private RecurrenceGrammar() {
    }

    /** The repetition phrases in order, without overlaps (the longer phrase wins). */
    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher weekdays = EVERY_WEEKDAY.matcher(text);
        while (weekdays.find()) {
            int interval = weekdays.group("other") != null ? 2 : 1;
            found.add(new Found(weekdays.start(), weekdays.end(),
                    new Rule(Frequency.WEEKLY, interval, daysIn(weekdays.group("days")), Set.of(), null)));
        }
        Matcher period = EVERY_PERIOD.matcher(text);
        while (period.find()) {
            int count = period.group("other") != null ? 2 : count(period.group("n"));
            rule(period.group("unit"), count, period).ifPresent(
                    rule -> found.add(new Found(period.start(), period.end(), rule)));
        }
        Matcher once = ONCE_A.matcher(text);
        while (once.find()) {
            rule(once.group("unit"), 1, once).ifPresent(rule -> found.add(new Found(once.start(), once.end(), rule)));
        }
        Matcher adverb = ADVERB.matcher(text);
        while (adverb.find()) {
            String word = adverb.group("adverb").toLowerCase(Locale.ROOT);
            String unit = switch (word) {
                case "daily", "nightly" -> "day";
                case "weekly" -> "week";
                case "fortnightly", "biweekly", "bi-weekly" -> "fortnight";
                case "monthly" -> "month";
                default -> "year";
            };
            rule(unit, 1, adverb).ifPresent(rule -> found.add(new Found(adverb.start(), adverb.end(), rule)));
        }
        Matcher monthDay = DAY_OF_EVERY_MONTH.matcher(text);
        while (monthDay.find()) {
            String days = monthDay.group("mdays") != null ? monthDay.group("mdays") : monthDay.group("mdays2");
            String n = monthDay.group("n");
            int interval = n == null ? 1 : n.equalsIgnoreCase("other") ? 2 : count(n);
            Set<Integer> monthDays = monthDaysIn(days);
            if (!monthDays.isEmpty()) {
                found.add(new Found(monthDay.start(), monthDay.end(),
                        new Rule(Frequency.MONTHLY, interval, Set.of(), monthDays, null)));
            }
        }
        Matcher plural = ON_PLURAL_DAYS.matcher(text);
        while (plural.find()) {
            Set<DayOfWeek> days = plural.group("days") != null ? daysIn(plural.group("days"))
                    : plural.group("workdays") != null ? WORKDAYS : WEEKEND;
            found.add(new Found(plural.start(), plural.end(), new Rule(Frequency.WEEKLY, 1, days, Set.of(), null)));
        }
        return withoutOverlaps(found);
    }

    /** The rule an RRULE this grammar wrote stands for, to describe it in a reply; empty for any other text. */
    static Optional<Rule> parse(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return Optional.empty();
        }
        Frequency frequency = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<Integer> monthDays = new TreeSet<>();
        Month month = null;
        try {
            for (String part : rrule.split(";")) {
                String[] nameValue = part.split("=", 2);
                if (nameValue.length != 2) {
                    return Optional.empty();
                }
                String value = nameValue[1];
                switch (nameValue[0].toUpperCase(Locale.ROOT)) {
                    case "FREQ" -> frequency = Frequency.valueOf(value.toUpperCase(Locale.ROOT));
                    case "INTERVAL" -> interval = Integer.parseInt(value);
                    case "BYMONTH" -> month = Month.of(Integer.parseInt(value));
                    case "BYMONTHDAY" -> {
                        for (String day : value.split(",")) {
                            monthDays.add(Integer.parseInt(day));
                        }
                    }
                    case "BYDAY" -> {
                        for (String day : value.split(",")) {
                            days.add(dayOf(day).orElseThrow(IllegalArgumentException::new));
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException unreadable) {
            return Optional.empty();
        }
        return frequency == null ? Optional.empty()
                : Optional.of(new Rule(frequency, interval, days, monthDays, month));
    }

    private static Optional<Rule> rule(String unitWords, int count, Matcher which) {
        String unit = unitWords.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        Set<DayOfWeek> days = which.group("wdays") != null ? daysIn(which.group("wdays")) : Set.of();
        Set<Integer> monthDays = which.group("mdays") != null ? monthDaysIn(which.group("mdays")) : Set.of();
        Month month = which.group("mon") != null ? DateGrammar.monthOf(which.group("mon")) : null;
        if (month != null) {
            int day = Integer.parseInt(which.group("md"));
            if (day < 1 || day > month.maxLength()) {
                return Optional.empty();
            }
            monthDays = Set.of(day);
        }
        if (unit.startsWith("weekday") || unit.startsWith("workday") || unit.startsWith("businessday")) {
            return Optional.of(new Rule(Frequency.WEEKLY, 1, WORKDAYS, Set.of(), null));
        }
        if (unit.startsWith("weekend")) {
            return Optional.of(new Rule(Frequency.WEEKLY, 1, WEEKEND, Set.of(), null));
        }
        if (unit.startsWith("fortnight")) {
            return Optional.of(new Rule(Frequency.WEEKLY, 2 * count, days, Set.of(), null));
        }
        if (unit.startsWith("day") || unit.startsWith("morning") || unit.startsWith("evening")
                || unit.startsWith("night")) {
            return Optional.of(new Rule(Frequency.DAILY, count, Set.of(), Set.of(), null));
        }
        if (unit.startsWith("week")) {
            return Optional.of(new Rule(Frequency.WEEKLY, count, days, Set.of(), null));
        }
        if (unit.startsWith("month")) {
            return Optional.of(new Rule(Frequency.MONTHLY, count, Set.of(), monthDays, null));
        }
        return Optional.of(new Rule(Frequency.YEARLY, count, Set.of(), month == null ? Set.of() : monthDays, month));
    }

    private static int count(String words) {
        if (words == null) {
            return 1;
        }
        String value = words.toLowerCase(Locale.ROOT);
        if (value.chars().allMatch(Character::isDigit)) {
            return Math.min(MAX_INTERVAL, Integer.parseInt(value));
        }
        return COUNTS.getOrDefault(value, 1);
    }

    private static Set<DayOfWeek> daysIn(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : list.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            dayOf(name.replaceFirst("s$", "")).ifPresent(days::add);
        }
        return days;
    }

    private static Optional<DayOfWeek> dayOf(String name) {
        String value = name.toLowerCase(Locale.ROOT);
        if (value.length() < 2) {
            return Optional.empty();
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(value.substring(0, 2))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static Set<Integer> monthDaysIn(String list) {
        Set<Integer> days = new TreeSet<>();
        for (String part : list.toLowerCase(Locale.ROOT).split("\\s*(?:,|\\band\\b|&)\\s*(?:the\\s+)?")) {
            String value = part.strip().replaceFirst("^the\\s+", "");
            if (value.startsWith("last")) {
                days.add(-1);
            } else if (ORDINALS.containsKey(value)) {
                days.add(ORDINALS.get(value));
            } else {
                String digits = value.replaceAll("(?:st|nd|rd|th)$", "");
                if (!digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(Character::isDigit)) {
                    int day = Integer.parseInt(digits);
                    if (day >= 1 && day <= 31) {
                        days.add(day);
                    }
                }
            }
        }
        return days;
    }

    private static String dayName(int day) {
        if (day == -1) {
            return "the last day";
        }
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return "the " + day + suffix;
    }

    private static String joined(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static List<Found> withoutOverlaps(List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::start)
                .thenComparing(Comparator.comparingInt((Found each) -> each.end() - each.start()).reversed()));
        List<Found> accepted = new ArrayList<>();
        for (Found candidate : sorted) {
            if (accepted.stream().noneMatch(kept -> candidate.start() < kept.end() && kept.start() < candidate.end())) {
                accepted.add(candidate);
            }
        }
        return accepted;
    }
}
