package io.taskbot.agent.offline;

import io.taskbot.agent.corpus.CorpusCase;
import io.taskbot.agent.corpus.KindScores;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        List<CorpusCase> cases = CorpusCases.read(Files.readAllLines(file), file.getFileName().toString());
        KindScores scores = new KindScores();
        StringBuilder misses = new StringBuilder();
        for (CorpusCase testCase : cases) {
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
            scores.record(testCase.kind(), caseMisses.isEmpty());
            misses.append(caseMisses);
        }
        return String.format("%s: %d cases, right on all %d clocks: %d = %.1f%%%n", file.getFileName(),
                cases.size(), CorpusCases.CLOCKS.size(), scores.passed(), 100.0 * scores.accuracy())
                + scores.table() + misses;
    }
}
