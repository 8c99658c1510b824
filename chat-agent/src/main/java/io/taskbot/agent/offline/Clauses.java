package io.taskbot.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a masked message into clauses that each ask for one thing: sentences, lines, "…, then …", and
 * "… and make it urgent". Lists of new tasks ("add these: a, b and c") stay in one clause; creating splits them.
 */
final class Clauses {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern BULLET_LINE = Pattern.compile("^\\s*(?:[-*\\u2022]|\\d{1,2}[.)])\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+\\s+(?=\\S)");
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g",
            "i.e", "approx", "no", "jr", "sr", "prof", "mt", "ave", "dept");
    private static final Pattern NUMBERED_LINE_START = Pattern.compile("(?:^|\\n)\\s*\\d{1,2}$");
    /** "mark X done and add Y": a new task after a change is a clause of its own. */
    private static final Pattern BEFORE_CREATE = Pattern.compile(
            "(?:,\\s*and\\s+|\\s+and\\s+|\\s+[+&]\\s+)(?=(?:also\\s+)?(?:add|create|remind\\s+me)\\s)", FLAGS);
    private static final Pattern THEN = Pattern.compile("(?:,\\s*|\\s+)(?:and\\s+)?then\\s+(?=\\p{L})", FLAGS);
    private static final Pattern BEFORE_POINTER_ACTION = Pattern.compile(
            "(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?=(?:also\\s+)?(?:make|mark|set|move|delete|remove|tag|rename|complete"
                    + "|finish|postpone|push|change|reschedule|label|bump|prioriti[sz]e|lower|call)\\s+"
                    + "(?:it|that|this)\\b)", FLAGS);
    /** "make it urgent and due friday": each change to the same task is a clause of its own. */
    private static final Pattern BEFORE_MORE_ABOUT_IT = Pattern.compile(
            "(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?=(?:due|it'?s\\s+due|(?:make|set|mark|tag)\\s+it)\\b)", FLAGS);
    private static final Pattern BEFORE_MANAGEMENT_VERB = Pattern.compile(
            "(?:,\\s*(?:and\\s+|so\\s+)?|\\s+and\\s+|\\s+so\\s+|\\s+[+&]\\s+)(?=(?:also\\s+)?(?:delete|remove|mark|complete"
                    + "|rename|reopen|postpone|reschedule|tick\\s+off|check\\s+off|untick|uncheck|cross\\s+off|set|move"
                    + "|untag|retag)\\s)", FLAGS);
    private static final Pattern CREATING = Pattern.compile(
            "^(?:(?:please|also|and|hey|ok|okay)[,\\s]+)*(?:add|create|new|remind|put|note|jot|log|todo|task"
                    + "|i\\s+(?:need|have|must|should|want)|don'?t\\s+forget|remember)\\b", FLAGS);

    private Clauses() {
    }

    static List<String> split(String masked) {
        List<String> clauses = new ArrayList<>();
        for (String block : blocks(masked)) {
            for (String sentence : sentences(block)) {
                for (String part : THEN.split(sentence)) {
                    splitActions(part, clauses);
                }
            }
        }
        clauses.removeIf(String::isBlank);
        return clauses;
    }

    /** Lines, except that bullet lines and lines after a colon belong to the line that introduced them. */
    private static List<String> blocks(String masked) {
        List<String> blocks = new ArrayList<>();
        for (String line : masked.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            boolean continues = !blocks.isEmpty()
                    && (BULLET_LINE.matcher(line).find() || blocks.get(blocks.size() - 1).strip().endsWith(":"));
            if (continues) {
                blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + "\n" + line);
            } else {
                blocks.add(line.strip());
            }
        }
        return blocks;
    }

    private static List<String> sentences(String block) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(block);
        int start = 0;
        while (end.find()) {
            String before = block.substring(start, end.start());
            String lastWord = before.substring(before.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            if (block.charAt(end.start()) == '.' && ABBREVIATIONS.contains(lastWord)) {
                continue;
            }
            if (block.charAt(end.start()) == '.' && NUMBERED_LINE_START.matcher(before).find()) {
                // "1. renew the insurance": the number of a list line, not the end of a sentence
                continue;
            }
            sentences.add(block.substring(start, end.end()).strip());
            start = end.end();
        }
        sentences.add(block.substring(start).strip());
        return sentences;
    }

    private static void splitActions(String sentence, List<String> clauses) {
        List<String> pointerParts = new ArrayList<>();
        for (String part : BEFORE_POINTER_ACTION.split(sentence)) {
            pointerParts.addAll(List.of(BEFORE_MORE_ABOUT_IT.split(part)));
        }
        for (String part : pointerParts) {
            if (CREATING.matcher(part).find()) {
                // "add haircut fri and mark the keys done": a change after the new task is a clause of its own
                clauses.addAll(List.of(BEFORE_MANAGEMENT_VERB.split(part.strip())));
            } else {
                for (String action : BEFORE_MANAGEMENT_VERB.split(part)) {
                    for (String piece : BEFORE_CREATE.split(action)) {
                        clauses.add(piece.strip());
                    }
                }
            }
        }
    }
}
