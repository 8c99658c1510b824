package io.taskbot.agent.offline;

import io.taskbot.agent.corpus.CorpusCase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code agent-corpus/messy.jsonl}: messy writing of the classes issue 10 names (statements instead of commands,
 * typos and short forms in dates, several tasks in one message, clearing a field, hostile numbers), written for this
 * module after the blind sets were scored. Each case is a promise, on every clock.
 */
class MessyCorpusTest {

    private static final TaskTalkInterpreter INTERPRETER = new TaskTalkInterpreter();
    private static final JsonNode FIXTURES = CorpusCases.fixtures();

    static Stream<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (CorpusCase example : CorpusCases.read(CorpusCases.resourceLines("/agent-corpus/messy.jsonl"),
                "messy.jsonl")) {
            for (CorpusCases.Clock clock : CorpusCases.CLOCKS) {
                arguments.add(Arguments.of(example, clock));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("cases")
    void understandsMessyWriting(CorpusCase example, CorpusCases.Clock clock) {
        assertThat(CorpusCases.check(example, clock, INTERPRETER, FIXTURES)).as(example.say()).isEmpty();
    }
}
