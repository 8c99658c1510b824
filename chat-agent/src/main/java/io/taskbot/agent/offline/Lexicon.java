package io.taskbot.agent.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people actually type the words the grammar knows: short forms ("b4", "tmrw", "wks"), stretched words
 * ("pleeease", "sooo") and slips of the finger in the words dates and requests hang on ("thrusday", "wendsday",
 * "remnd"). {@link #canonical} rewrites them to the one spelling the rules read, before any slot is masked, so that
 * a date word with a typo is a date and never stays in a title. Adding a spelling is one entry here.
 * <p>
 * Typos are matched by edit distance (with transpositions) only against {@link #FUZZY_TARGETS}: long, distinctive
 * words, with the same first letter, and never when the typed word is itself a real word close to one of them
 * ({@link #REAL_WORDS}: "sundae" is no Sunday, "rewind" is no "remind").
 */
final class Lexicon {

    /** Short forms and the words they stand for. */
    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("b4", "before"), Map.entry("bfr", "before"),
            Map.entry("wk", "week"), Map.entry("wks", "weeks"),
            Map.entry("2day", "today"), Map.entry("tdy", "today"), Map.entry("2nite", "tonight"),
            Map.entry("tonite", "tonight"), Map.entry("2nyt", "tonight"),
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("tmrrw", "tomorrow"),
            Map.entry("tmw", "tomorrow"), Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"),
            Map.entry("2mrw", "tomorrow"), Map.entry("tomoz", "tomorrow"), Map.entry("tmrow", "tomorrow"),
            Map.entry("nxt", "next"), Map.entry("wknd", "weekend"),
            Map.entry("weds", "wednesday"), Map.entry("thrs", "thursday"),
            Map.entry("remnd", "remind"), Map.entry("rmnd", "remind"), Map.entry("rmind", "remind"),
            Map.entry("remid", "remind"), Map.entry("remin", "remind"), Map.entry("pleas", "please"));
    /** Units that are short forms only after a number: "in 2 hrs", but "call hr" is the department. */
    private static final Map<String, String> UNITS = Map.of("hr", "hour", "hrs", "hours", "min", "minutes",
            "mins", "minutes", "mo", "month", "mos", "months");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "\\b(\\d{1,6})\\s*(hrs?|mins?|mos?)\\b", Pattern.CASE_INSENSITIVE);

    /** Words worth correcting when misspelt: the grammar's anchors. */
    private static final List<String> FUZZY_TARGETS = List.of("monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "august", "september", "october", "november",
            "december", "tomorrow", "tonight", "remind", "remember", "yesterday", "weekend", "urgent", "priority");

    /** Real words within a typo of a target: they stay as they are. */
    private static final Set<String> REAL_WORDS = Set.of("sundae", "sundays", "mondays", "tuesdays", "fridays",
            "saturdays", "thursdays", "wednesdays", "rewind", "remand", "remains", "reminds", "remembers", "friend",
            "fridge", "frida", "weekends", "tonights", "augusta", "octobers", "remained", "reminder", "priory",
            "priorities", "surgent", "regent", "member", "sundry", "tomorrows", "rebind");

    /** "need 2 order paper": a 2 between a verb of wanting and another verb is "to". */
    private static final Pattern TWO_FOR_TO = Pattern.compile(
            "\\b(need|needs|have|has|got|want|wants|going|gotta|remember|forgot|forget|like)\\s+2\\s+(?=\\p{L})",
            Pattern.CASE_INSENSITIVE);
    /** A wastebasket in front of a task ("\uD83D\uDDD1\uFE0F buy a kettle") says delete it. */
    private static final Pattern EMOJI_COMMAND = Pattern.compile("^\\s*\uD83D\uDDD1\uFE0F?\\s*");
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}#@/_.-])[\\p{L}\\p{N}]+(?![\\p{L}\\p{N}_/@-])");
    /** Three or more of one letter: nobody spells a word that way ("pleeease", "sooo", "ugggh"). */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final int MIN_FUZZY_LENGTH = 5;

    private Lexicon() {
    }

    /** The text with every known short form, stretched word and typo rewritten to the spelling the rules read. */
    static String canonical(String text) {
        String expanded = TWO_FOR_TO.matcher(EMOJI_COMMAND.matcher(text).replaceAll(" delete ")).replaceAll("$1 to ");
        Matcher unit = NUMBER_AND_UNIT.matcher(expanded);
        StringBuilder units = new StringBuilder();
        while (unit.find()) {
            unit.appendReplacement(units, Matcher.quoteReplacement(
                    unit.group(1) + " " + UNITS.get(unit.group(2).toLowerCase(Locale.ROOT))));
        }
        unit.appendTail(units);
        Matcher word = WORD.matcher(units);
        StringBuilder result = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(result, Matcher.quoteReplacement(canonicalWord(word.group())));
        }
        word.appendTail(result);
        return result.toString();
    }

    static String canonicalWord(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String known = SHORT_FORMS.get(lower);
        if (known != null) {
            return known;
        }
        if (!LETTERS.matcher(lower).matches()) {
            return typed;
        }
        String unstretched = STRETCHED.matcher(lower).replaceAll("$1");
        if (!unstretched.equals(lower)) {
            String shortForm = SHORT_FORMS.get(unstretched);
            return shortForm != null ? shortForm : unstretched;
        }
        if (lower.length() < MIN_FUZZY_LENGTH || REAL_WORDS.contains(lower) || FUZZY_TARGETS.contains(lower)) {
            return typed;
        }
        for (String target : FUZZY_TARGETS) {
            int allowed = target.length() >= 8 ? 2 : 1;
            // "remembered" and "fridays" are words of their own, not slips
            if (lower.startsWith(target)) {
                return typed;
            }
            if (target.charAt(0) == lower.charAt(0) && Math.abs(target.length() - lower.length()) <= allowed
                    && distance(lower, target, allowed) <= allowed) {
                return target;
            }
        }
        return typed;
    }

    /** Optimal-string-alignment distance (edits and swaps of neighbours), stopping early above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowBest = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowBest = Math.min(rowBest, d[i][j]);
            }
            if (rowBest > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
