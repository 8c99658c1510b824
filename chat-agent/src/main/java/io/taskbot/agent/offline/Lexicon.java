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
            Map.entry("remid", "remind"), Map.entry("remin", "remind"), Map.entry("pleas", "please"),
            // chat shorthand: letters and clipped words that stand for whole ones
            Map.entry("w", "with"), Map.entry("r", "are"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("n", "and"), Map.entry("shld", "should"), Map.entry("shud", "should"),
            Map.entry("wud", "would"), Map.entry("cud", "could"), Map.entry("nvm", "never mind"),
            Map.entry("nevermind", "never mind"), Map.entry("del", "delete"), Map.entry("prio", "priority"),
            Map.entry("evry", "every"), Map.entry("evrything", "everything"), Map.entry("tho", "though"),
            Map.entry("em", "them"), Map.entry("wat", "what"), Map.entry("wut", "what"), Map.entry("pls", "please"),
            Map.entry("plz", "please"), Map.entry("thx", "thanks"), Map.entry("ty", "thanks"),
            Map.entry("cuz", "because"), Map.entry("bc", "because"),
            // apostrophes people leave out; the rules read the spelling with one
            Map.entry("didnt", "didn't"), Map.entry("dont", "don't"), Map.entry("isnt", "isn't"),
            Map.entry("doesnt", "doesn't"), Map.entry("wasnt", "wasn't"), Map.entry("havent", "haven't"),
            Map.entry("hasnt", "hasn't"), Map.entry("cant", "can't"), Map.entry("shouldnt", "shouldn't"),
            Map.entry("wouldnt", "wouldn't"), Map.entry("arent", "aren't"), Map.entry("thats", "that's"),
            Map.entry("whats", "what's"), Map.entry("hows", "how's"), Map.entry("im", "i'm"),
            Map.entry("ive", "i've"), Map.entry("youre", "you're"), Map.entry("theres", "there's"),
            Map.entry("wheres", "where's"), Map.entry("lets", "let's"));
    /** Units that are short forms only after a number: "in 2 hrs", but "call hr" is the department. */
    private static final Map<String, String> UNITS = Map.of("hr", "hour", "hrs", "hours", "min", "minutes",
            "mins", "minutes", "mo", "month", "mos", "months");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "\\b(\\d{1,6})\\s*(hrs?|mins?|mos?)\\b", Pattern.CASE_INSENSITIVE);

    /** Words worth correcting when misspelt: the grammar's anchors. */
    private static final List<String> FUZZY_TARGETS = List.of("monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "august", "september", "october", "november",
            "december", "tomorrow", "tonight", "remind", "remember", "yesterday", "weekend", "urgent", "priority",
            "delete", "remove", "every", "everything", "finally", "reschedule", "postpone");
    /** Short words worth correcting only when two neighbouring letters swapped ("mvoe", "mrak"). */
    private static final List<String> SWAPPED_TARGETS = List.of("move", "mark", "done", "undo", "list", "show",
            "add", "tag");

    /** Real words within a typo of a target: they stay as they are. */
    private static final Set<String> REAL_WORDS = Set.of("sundae", "sundays", "mondays", "tuesdays", "fridays",
            "saturdays", "thursdays", "wednesdays", "rewind", "remand", "remains", "reminds", "remembers", "friend",
            "fridge", "frida", "weekends", "tonights", "augusta", "octobers", "remained", "reminder", "priory",
            "priorities", "surgent", "regent", "member", "sundry", "tomorrows", "rebind", "remote", "event", "evert",
            "delft", "finale", "finals", "repose", "removes", "emery");

    /**
     * "need 2 order paper", "remind me 2 call": a 2 between a verb of wanting and a verb is "to" ("need 2 photos"
     * keeps its number, since "photos" is no verb).
     */
    private static final Pattern TWO_FOR_TO = Pattern.compile(
            "\\b(need|needs|have|has|got|want|wants|going|gotta|remember|forgot|forget|like|remind\\s+me|how)\\s+2\\s+"
                    + "(?<next>\\p{L}+)", Pattern.CASE_INSENSITIVE);
    /** "call w/ the bank": w/ is "with". */
    private static final Pattern WITH_SLASH = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])w/\\s*");
    /** Pictures that only add feeling ("taxes filed 🎉", "both done 🙌"); the wastebasket is read before them. */
    private static final Pattern PICTOGRAPHS = Pattern.compile("[\\p{So}\\p{Sk}&&[^\\u2192]]+\\uFE0F?");
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
        String commands = WITH_SLASH.matcher(EMOJI_COMMAND.matcher(text).replaceAll(" delete ")).replaceAll("with ");
        String expanded = PICTOGRAPHS.matcher(twoForTo(commands)).replaceAll(" ").strip();
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

    private static String twoForTo(String text) {
        Matcher two = TWO_FOR_TO.matcher(text);
        StringBuilder result = new StringBuilder();
        while (two.find()) {
            String next = two.group("next");
            boolean verbFollows = Words.isTaskVerb(canonicalWord(next));
            two.appendReplacement(result, Matcher.quoteReplacement(verbFollows
                    ? two.group(1) + " to " + next : two.group()));
        }
        two.appendTail(result);
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
        if (REAL_WORDS.contains(lower) || FUZZY_TARGETS.contains(lower) || SWAPPED_TARGETS.contains(lower)) {
            return typed;
        }
        if (lower.length() < MIN_FUZZY_LENGTH) {
            for (String target : SWAPPED_TARGETS) {
                if (isOneSwapAway(lower, target)) {
                    return target;
                }
            }
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

    /** Whether two neighbouring letters swapped turn one word into the other ("mvoe" and "move"). */
    private static boolean isOneSwapAway(String typed, String target) {
        if (typed.length() != target.length() || typed.charAt(0) != target.charAt(0)) {
            return false;
        }
        for (int i = 0; i + 1 < typed.length(); i++) {
            if (typed.charAt(i) != target.charAt(i)) {
                return typed.charAt(i) == target.charAt(i + 1) && typed.charAt(i + 1) == target.charAt(i)
                        && typed.substring(i + 2).equals(target.substring(i + 2));
            }
        }
        return false;
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
