package io.taskbot.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores how well a phrase names each task ("the dentist thing" → "book the dentist appointment"). Both sides are
 * reduced to stemmed content words; a word weighs less the more titles share it, so "buy" alone cannot pick one of
 * three shopping tasks while "bread" can. The score is mostly how much of the phrase the title covers, a little
 * how much of the title the phrase covers, and an exact title beats everything.
 */
final class TaskMatcher {

    /** Below this, a task is not what the phrase names. */
    static final double ACCEPTED = 0.5;
    /** Tasks within this distance of the best one are equally likely: ask which. */
    static final double AMBIGUITY_MARGIN = 0.12;
    static final double EXACT = 1.2;

    private static final double PHRASE_COVERAGE_WEIGHT = 0.75;
    private static final double SIMILAR_WORD_CREDIT = 0.8;

    record Scored(TaskRef task, double score) {
    }

    private final List<TaskRef> tasks;
    private final List<List<String>> titleStems = new ArrayList<>();
    private final Map<String, Integer> titlesWithStem = new HashMap<>();

    TaskMatcher(List<TaskRef> tasks) {
        this.tasks = List.copyOf(tasks);
        for (TaskRef task : this.tasks) {
            List<String> stems = Words.contentStems(task.title());
            titleStems.add(stems);
            for (String stem : stems) {
                titlesWithStem.merge(stem, 1, Integer::sum);
            }
        }
    }

    /** Every task with a positive score, best first. */
    List<Scored> rank(String phrase) {
        List<String> phraseStems = Words.contentStems(phrase);
        String normalizedPhrase = normalize(phrase);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskRef task = tasks.get(i);
            double score = normalizedPhrase.equals(normalize(task.title())) && !normalizedPhrase.isEmpty()
                    ? EXACT : score(phraseStems, titleStems.get(i));
            if (score > 0) {
                scored.add(new Scored(task, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    /**
     * The one task that a text mentions by a word no other title has ("the newsletter can wait" → the newsletter
     * task); used to find what "it" means in another clause of the same message.
     */
    Optional<TaskRef> uniquelyMentioned(String text) {
        TaskRef mentioned = null;
        for (String stem : Words.contentStems(text)) {
            if (titlesWithStem.getOrDefault(stem, 0) != 1) {
                continue;
            }
            for (int i = 0; i < tasks.size(); i++) {
                if (titleStems.get(i).contains(stem)) {
                    if (mentioned != null && mentioned != tasks.get(i)) {
                        return Optional.empty();
                    }
                    mentioned = tasks.get(i);
                }
            }
        }
        return Optional.ofNullable(mentioned);
    }

    /** Whether any title shares a stem with the text (used to tell a new task from a missed reference). */
    boolean anyTitleShares(String text) {
        return Words.contentStems(text).stream().anyMatch(titlesWithStem::containsKey);
    }

    private double score(List<String> phraseStems, List<String> title) {
        if (phraseStems.isEmpty() || title.isEmpty()) {
            return 0;
        }
        double phraseTotal = 0;
        double phraseMatched = 0;
        double[] titleCredit = new double[title.size()];
        for (String stem : phraseStems) {
            double weight = weight(stem);
            phraseTotal += weight;
            int exact = title.indexOf(stem);
            if (exact >= 0) {
                phraseMatched += weight;
                titleCredit[exact] = 1;
                continue;
            }
            for (int j = 0; j < title.size(); j++) {
                if (similar(stem, title.get(j))) {
                    phraseMatched += weight * SIMILAR_WORD_CREDIT;
                    titleCredit[j] = Math.max(titleCredit[j], SIMILAR_WORD_CREDIT);
                    break;
                }
            }
        }
        double titleTotal = 0;
        double titleMatched = 0;
        for (int j = 0; j < title.size(); j++) {
            double weight = weight(title.get(j));
            titleTotal += weight;
            titleMatched += weight * titleCredit[j];
        }
        if (phraseMatched == 0) {
            return 0;
        }
        return PHRASE_COVERAGE_WEIGHT * (phraseMatched / phraseTotal)
                + (1 - PHRASE_COVERAGE_WEIGHT) * (titleMatched / titleTotal);
    }

    private double weight(String stem) {
        return 1.0 / Math.max(1, titlesWithStem.getOrDefault(stem, 0));
    }

    /** Typos and truncations: "newsleter", "dent" for "dentist". */
    static boolean similar(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4) {
            return false;
        }
        if (a.startsWith(b) || b.startsWith(a)) {
            return true;
        }
        int allowed = shorter >= 8 ? 2 : (shorter >= 5 ? 1 : 0);
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && editDistance(a, b) <= allowed;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Lowercase words without articles, possessives and punctuation: how two spellings of a title are compared. */
    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s']", " ")
                .replaceAll("'s\\b", "")
                .replaceAll("\\b(?:the|a|an|my)\\b", " ")
                .replaceAll("\\s+(?:task|todo|to-do|item)$", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
