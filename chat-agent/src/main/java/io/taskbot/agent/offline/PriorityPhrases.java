package io.taskbot.agent.offline;

import io.taskbot.task.Priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the phrases that set a priority ("urgent", "asap", "p2", "priority: high", "it's important", "no rush").
 * "urgent" and "important" count only where they describe the task, not a thing inside its title: next to the
 * task ("an urgent task", "add urgent: …", "…, urgent") but not in "read the important email".
 */
final class PriorityPhrases {

    record Found(int start, int end, Priority priority) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern NAMED_LEVEL = Pattern.compile(
            "\\bpriority\\s*(?:[:=]|is|of|to)?\\s*(?<level>urgent|highest|high|medium|normal|low|lowest|top|p[1-4]"
                    + "|[1-4])\\b", FLAGS);
    private static final Pattern LEVEL_PRIORITY = Pattern.compile(
            "\\b(?<level>urgent|top|highest|high|medium|normal|mid|low|lowest)[\\s-]+prio(?:rity)?\\b", FLAGS);
    private static final Pattern P_NUMBER = Pattern.compile("\\bp(?<level>[1-4])\\b", FLAGS);
    private static final Pattern RIGHT_NOW = Pattern.compile(
            "\\b(?:asap|a\\.s\\.a\\.p\\.?|urgently|right\\s+away)(?![\\p{L}])", FLAGS);
    private static final Pattern NO_RUSH = Pattern.compile(
            "\\b(?:no\\s+rush|no\\s+hurry|not\\s+urgent|whenever(?:\\s+i\\s+(?:can|get\\s+(?:a\\s+)?(?:chance|time)"
                    + "|have\\s+(?:the\\s+)?time))?|some\\s*day|at\\s+some\\s+point|if\\s+i\\s+have\\s+time"
                    + "|low\\s+prio)\\b", FLAGS);
    private static final Pattern ITS_IMPORTANT = Pattern.compile(
            "\\b(?:it'?s|it\\s+is|this\\s+is|that'?s|that\\s+is|its)\\s+(?:really\\s+|very\\s+|super\\s+|quite\\s+"
                    + "|extremely\\s+|pretty\\s+)?(?<level>urgent|important|critical|a\\s+priority|not\\s+urgent"
                    + "|not\\s+important)\\b", FLAGS);
    private static final Pattern DESCRIBING_WORD = Pattern.compile(
            "\\b(?:very\\s+|really\\s+|super\\s+|extremely\\s+)?(?<level>urgent|important|critical)\\b", FLAGS);

    /** Words next to which "urgent" or "important" describes the task itself. */
    private static final Set<String> DESCRIBING_BEFORE = Set.of("add", "new", "as", "is", "be", "make", "mark",
            "also", "set", "flag", "are");
    private static final Set<String> DESCRIBING_AFTER = Set.of("task", "tasks", "todo", "todos", "to-do",
            "to-dos", "reminder", "reminders", "item", "items", "one", "ones", "stuff", "things", "thing", "and",
            "please", "priority");

    private PriorityPhrases() {
    }

    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        addAll(found, NAMED_LEVEL, text);
        addAll(found, LEVEL_PRIORITY, text);
        addAll(found, P_NUMBER, text);
        addAll(found, ITS_IMPORTANT, text);
        Matcher rightNow = RIGHT_NOW.matcher(text);
        while (rightNow.find()) {
            found.add(new Found(rightNow.start(), rightNow.end(), Priority.URGENT));
        }
        Matcher noRush = NO_RUSH.matcher(text);
        while (noRush.find()) {
            found.add(new Found(noRush.start(), noRush.end(), Priority.LOW));
        }
        Matcher describing = DESCRIBING_WORD.matcher(text);
        while (describing.find()) {
            if (describesTheTask(text, describing.start(), describing.end())) {
                found.add(new Found(describing.start(), describing.end(), levelOf(describing.group("level"))));
            }
        }
        return withoutOverlaps(found);
    }

    /** Reads a level word or code: "high", "p1", "urgent", "important", "2". */
    static Priority levelOf(String word) {
        String level = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return switch (level) {
            case "urgent", "critical", "top", "highest", "p1", "1", "asap" -> Priority.URGENT;
            case "high", "important", "a priority", "priority", "p2", "2" -> Priority.HIGH;
            case "medium", "normal", "mid", "p3", "3" -> Priority.MEDIUM;
            default -> Priority.LOW;
        };
    }

    private static void addAll(List<Found> found, Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new Found(matcher.start(), matcher.end(), levelOf(matcher.group("level"))));
        }
    }

    private static boolean describesTheTask(String text, int start, int end) {
        String before = text.substring(0, start).strip();
        String after = text.substring(end).strip();
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        char previous = before.charAt(before.length() - 1);
        char next = after.charAt(0);
        if (",(-:".indexOf(previous) >= 0 || ":,)-!?.".indexOf(next) >= 0) {
            return true;
        }
        if (previous == Utterance.SLOT_CLOSE || next == Utterance.SLOT_OPEN) {
            return true;
        }
        String[] wordsBefore = before.toLowerCase(Locale.ROOT).split("\\s+");
        String[] wordsAfter = after.toLowerCase(Locale.ROOT).split("\\s+");
        String previousWord = wordsBefore[wordsBefore.length - 1];
        String nextWord = wordsAfter[0].replaceAll("[^\\p{L}-]", "");
        return DESCRIBING_AFTER.contains(nextWord) || DESCRIBING_BEFORE.contains(previousWord);
    }

    private static List<Found> withoutOverlaps(List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::start)
                .thenComparing(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()));
        List<Found> accepted = new ArrayList<>();
        for (Found candidate : sorted) {
            boolean overlaps = accepted.stream()
                    .anyMatch(kept -> candidate.start() < kept.end() && kept.start() < candidate.end());
            if (!overlaps) {
                accepted.add(candidate);
            }
        }
        return accepted;
    }
}
