package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.agent.corpus.AgentCorpus;
import io.taskbot.agent.corpus.CorpusCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example of the project's agent corpus, on several clocks and zones, must produce exactly its tool calls. */
class DevCorpusTest {

    private static final TaskTalkInterpreter INTERPRETER = new TaskTalkInterpreter();
    private static final JsonNode FIXTURES = AgentCorpus.fixtures();

    static Stream<Arguments> examples() {
        return AgentCorpus.dev().stream()
                .flatMap(example -> CorpusCases.CLOCKS.stream().map(clock -> Arguments.of(example, clock)));
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("examples")
    void producesTheExpectedToolCalls(CorpusCase example, CorpusCases.Clock clock) {
        List<String> problems = CorpusCases.check(example, clock, INTERPRETER, FIXTURES);

        assertThat(problems).as(example.say()).isEmpty();
    }
}
