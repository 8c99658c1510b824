package io.taskbot.agent.corpus;

import java.util.Map;
import java.util.TreeMap;

/** Passed/total per case kind, and a table of them for a report. */
public final class KindScores {

    private final Map<String, int[]> byKind = new TreeMap<>();
    private int passed;
    private int total;

    public void record(String kind, boolean passedCase) {
        int[] counts = byKind.computeIfAbsent(kind, k -> new int[2]);
        counts[1]++;
        total++;
        if (passedCase) {
            counts[0]++;
            passed++;
        }
    }

    public int passed() {
        return passed;
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) passed / total;
    }

    /** One line per kind and a total line, e.g. {@code   complete   14/15   93.3%}. */
    public String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format("  %-16s %-9s %7s%n", "kind", "passed", "score"));
        byKind.forEach((kind, counts) -> table.append(row(kind, counts[0], counts[1])));
        table.append(row("all", passed, total));
        return table.toString();
    }

    private static String row(String kind, int passed, int total) {
        double percent = total == 0 ? 0 : 100.0 * passed / total;
        return String.format("  %-16s %4d/%-4d %6.1f%%%n", kind, passed, total, percent);
    }
}
