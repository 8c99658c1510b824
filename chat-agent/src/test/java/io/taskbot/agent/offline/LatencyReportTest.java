package io.taskbot.agent.offline;

import io.taskbot.agent.corpus.CorpusCase;
import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.task.Priority;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures interpret() per turn and prints p50/p99; it asserts nothing, because timings on a shared build machine
 * are not a property of the code. Method: every utterance of the module's phrasing sets with its fixture's task
 * list, in order, for 7 rounds; the first two rounds warm the JIT up and are not counted (3,100 measured turns). The first call in a
 * fresh JVM (class loading, pattern compilation) is not measured here: other tests have already run in this JVM.
 */
class LatencyReportTest {

    private static final int ROUNDS = 7;
    private static final int WARM_UP_ROUNDS = 2;

    @Test
    void printsTheLatencyPerTurn() {
        TaskTalkInterpreter interpreter = new TaskTalkInterpreter();
        JsonNode fixtures = CorpusCases.fixtures();
        List<ConversationContext> contexts = new ArrayList<>();
        List<String> utterances = new ArrayList<>();
        for (String set : List.of("phrasings.jsonl", "holdout.jsonl", "holdout2.jsonl")) {
            for (CorpusCase phrasing : CorpusCases.read(CorpusCases.resourceLines("/offline-agent/" + set), set)) {
                FakeTaskList list = new FakeTaskList(LocalDate.of(2026, 11, 21), ZoneId.of("Europe/Berlin"),
                        LocalTime.of(9, 30));
                JsonNode source = phrasing.node().has("fixture")
                        ? fixtures.get(phrasing.node().get("fixture").asText()) : phrasing.node();
                int index = 0;
                for (JsonNode entry : source.path("setup")) {
                    list.seed(entry.get(0).asText(), Priority.MEDIUM, List.of(),
                            source.path("completed_setup").toString().contains(String.valueOf(index)));
                    index++;
                }
                contexts.add(list.context());
                utterances.add(phrasing.say());
            }
        }

        List<Long> timings = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < utterances.size(); i++) {
                long start = System.nanoTime();
                interpreter.interpret(utterances.get(i), contexts.get(i));
                long elapsed = System.nanoTime() - start;
                if (round >= WARM_UP_ROUNDS) {
                    timings.add(elapsed);
                }
            }
        }
        long[] sorted = timings.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("interpret() latency over %d turns (%d utterances x %d rounds after %d warm-up rounds): "
                        + "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                sorted.length, utterances.size(), ROUNDS - WARM_UP_ROUNDS, WARM_UP_ROUNDS,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
