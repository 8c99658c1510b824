package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every example of the shared agent corpus, on several clocks and zones, must produce exactly its tool calls. */
class DevCorpusTest {

    private static final String DEV_CORPUS = "agent-corpus/dev.jsonl";
    private static final TaskTalkInterpreter INTERPRETER = new TaskTalkInterpreter();
    private static final JsonNode NO_FIXTURES = CorpusCases.fixtures();

    static Stream<Arguments> examples() throws IOException {
        Optional<Path> file = CorpusCases.findShared(DEV_CORPUS);
        if (file.isEmpty()) {
            return Stream.of(Arguments.of(null, null));
        }
        List<Arguments> arguments = new ArrayList<>();
        for (CorpusCases.Case example : CorpusCases.read(Files.readAllLines(file.get()), "dev.jsonl")) {
            for (CorpusCases.Clock clock : CorpusCases.CLOCKS) {
                arguments.add(Arguments.of(example, clock));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("examples")
    void producesTheExpectedToolCalls(CorpusCases.Case example, CorpusCases.Clock clock) {
        assumeTrue(example != null, "shared/" + DEV_CORPUS + " not found above " + Path.of("").toAbsolutePath()
                + "; the dev corpus examples were skipped");

        List<String> problems = CorpusCases.check(example, clock, INTERPRETER, NO_FIXTURES);

        assertThat(problems).as(example.say()).isEmpty();
    }
}
