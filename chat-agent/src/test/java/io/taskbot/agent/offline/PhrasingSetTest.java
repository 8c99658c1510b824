package io.taskbot.agent.offline;

import io.taskbot.agent.corpus.CorpusCase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's own phrasing sets (src/test/resources/offline-agent): varied ways of saying every kind of request,
 * written to be fair rather than to fit the rules. {@code phrasings.jsonl} was written before the engine,
 * {@code holdout.jsonl} after it but before running it against it. Each run reports accuracy per kind and lists the
 * misses; it fails only below the floor, because a set is a measure, not a list of promises.
 */
class PhrasingSetTest {

    private static final double ACCURACY_FLOOR = 0.95;

    @ParameterizedTest
    @ValueSource(strings = {"phrasings.jsonl", "holdout.jsonl", "holdout2.jsonl"})
    void understandsMostPhrasingsItWasNotWrittenFor(String set) {
        TaskTalkInterpreter interpreter = new TaskTalkInterpreter();
        JsonNode fixtures = CorpusCases.fixtures();
        List<CorpusCase> cases = CorpusCases.read(
                CorpusCases.resourceLines("/offline-agent/" + set), set);

        int runs = 0;
        int passed = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (CorpusCases.Clock clock : CorpusCases.CLOCKS) {
            for (CorpusCase phrasing : cases) {
                List<String> problems = CorpusCases.check(phrasing, clock, interpreter, fixtures);
                int[] counts = byKind.computeIfAbsent(phrasing.kind(), kind -> new int[2]);
                counts[1]++;
                runs++;
                if (problems.isEmpty()) {
                    counts[0]++;
                    passed++;
                } else {
                    misses.append("  MISS [").append(clock).append("] ").append(phrasing).append("\n      ")
                            .append(String.join("\n      ", problems)).append('\n');
                }
            }
        }

        double accuracy = (double) passed / runs;
        StringBuilder report = new StringBuilder();
        report.append(String.format("%s: %d phrasings x %d clocks, %d/%d passed = %.1f%%%n",
                set, cases.size(), CorpusCases.CLOCKS.size(), passed, runs, 100 * accuracy));
        byKind.forEach((kind, counts) -> report.append(String.format("  %-16s %4d/%-4d %5.1f%%%n", kind, counts[0],
                counts[1], 100.0 * counts[0] / counts[1])));
        System.out.print(report);
        System.out.print(misses);
        assertThat(accuracy).as("phrasing-set accuracy").isGreaterThanOrEqualTo(ACCURACY_FLOOR);
    }
}
