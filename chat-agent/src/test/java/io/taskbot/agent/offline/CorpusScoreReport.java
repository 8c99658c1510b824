package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a corpus file given by path, per kind and over every clock, and prints the table and the misses. It
 * measures and never fails: a set that is being judged must not turn into a list of promises. Run it with
 * {@code -Dtaskbot.corpus=<path to a .jsonl>} (and {@code -Dtest=CorpusScoreReport}); without the property it is
 * skipped. A case counts as right only when it passes on every clock.
 */
class CorpusScoreReport {

    @Test
    @EnabledIfSystemProperty(named = "taskbot.corpus", matches = ".+")
    void printsAccuracyPerKind() throws IOException {
        Path file = Path.of(System.getProperty("taskbot.corpus"));
        System.out.print(report(file));
    }

    static String report(Path file) throws IOException {
        TaskTalkInterpreter interpreter = new TaskTalkInterpreter();
        JsonNode fixtures = CorpusCases.fixtures();
        List<CorpusCases.Case> cases = CorpusCases.read(Files.readAllLines(file), file.getFileName().toString());
        Map<String, int[]> byKind = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        int passed = 0;
        for (CorpusCases.Case testCase : cases) {
            StringBuilder caseMisses = new StringBuilder();
            for (CorpusCases.Clock clock : CorpusCases.CLOCKS) {
                List<String> problems;
                try {
                    problems = CorpusCases.check(testCase, clock, interpreter, fixtures);
                } catch (RuntimeException crash) {
                    problems = List.of("CRASH " + crash);
                }
                if (!problems.isEmpty()) {
                    caseMisses.append("  MISS [").append(clock).append("] ").append(testCase).append("\n      ")
                            .append(String.join("\n      ", problems)).append('\n');
                }
            }
            int[] counts = byKind.computeIfAbsent(testCase.kind(), kind -> new int[2]);
            counts[1]++;
            if (caseMisses.isEmpty()) {
                counts[0]++;
                passed++;
            } else {
                misses.append(caseMisses);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("%s: %d cases, right on all %d clocks: %d = %.1f%%%n", file.getFileName(),
                cases.size(), CorpusCases.CLOCKS.size(), passed, 100.0 * passed / Math.max(1, cases.size())));
        byKind.forEach((kind, counts) -> report.append(String.format("  %-16s %4d/%-4d %5.1f%%%n", kind, counts[0],
                counts[1], 100.0 * counts[0] / counts[1])));
        return report.append(misses).toString();
    }
}
