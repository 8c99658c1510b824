package io.taskbot.app.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.agent.corpus.AgentCorpus;
import io.taskbot.agent.corpus.CorpusCase;
import io.taskbot.agent.corpus.Expectations;
import io.taskbot.agent.corpus.KindScores;
import io.taskbot.agent.corpus.ToolCall;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corpus cases through the whole product: the case's tasks set up over contract 000, the earlier utterances and the
 * utterance under test sent to {@code POST /api/chat} in one conversation, and the answer's {@code tool_calls} scored
 * by the agent corpus' {@link Expectations}. Cases that expect no tool call or no change also check that the task
 * list is exactly as before.
 * <p>
 * By default every case of the project's corpus ({@code agent-corpus/dev.jsonl} of chat-agent's tests) must pass.
 * {@code -Dtaskbot.corpus=/path/cases.jsonl} runs another file in the same format instead, and
 * {@code -Dtaskbot.corpus.report-only=true} prints a score per case kind rather than failing on a miss.
 */
@TaskbotApp
class AgentCorpusIT {

    static final String CORPUS_PROPERTY = "taskbot.corpus";
    static final String REPORT_ONLY_PROPERTY = "taskbot.corpus.report-only";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final JsonNode FIXTURES = AgentCorpus.fixtures();

    static ApiClient client;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api.withHeader("X-Time-Zone", ZONE.getId());
    }

    static List<CorpusCase> corpus() {
        String file = System.getProperty(CORPUS_PROPERTY, "");
        return file.isBlank() ? AgentCorpus.dev() : AgentCorpus.read(Path.of(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisabledIfSystemProperty(named = REPORT_ONLY_PROPERTY, matches = "true")
    void agentDoesWhatTheCaseExpects(CorpusCase example) {
        assertThat(run(example)).as(example.toString()).isEmpty();
    }

    @Test
    @EnabledIfSystemProperty(named = REPORT_ONLY_PROPERTY, matches = "true")
    void scoresTheCorpusPerKind() {
        List<CorpusCase> cases = corpus();
        KindScores scores = new KindScores();
        StringBuilder misses = new StringBuilder();
        for (CorpusCase example : cases) {
            List<String> problems = run(example);
            scores.record(example.kind(), problems.isEmpty());
            if (!problems.isEmpty()) {
                misses.append("  MISS ").append(example).append("\n      ")
                        .append(String.join("\n      ", problems)).append('\n');
            }
        }
        System.out.printf("%s over POST /api/chat: %d/%d passed = %.1f%%%n%s%s",
                System.getProperty(CORPUS_PROPERTY, "dev.jsonl"), scores.passed(), scores.total(),
                100 * scores.accuracy(), scores.table(), misses);
        assertThat(scores.total()).as("cases in the corpus").isEqualTo(cases.size()).isPositive();
    }

    /** Runs one case for a new user; returns what went wrong, or nothing when it passed. */
    private static List<String> run(CorpusCase example) {
        User user = Users.register(client, "corpus");
        Map<String, String> references = setUp(user, AgentCorpus.setupOf(example, FIXTURES));

        String conversation = null;
        for (JsonNode before : example.node().path("before")) {
            JsonNode answer = chat(user, conversation, before.asText());
            conversation = answer.get("conversation_id").asText();
            for (JsonNode call : answer.get("tool_calls")) {
                if (call.get("type").asText().equals("create_todo")) {
                    references.put("@last", call.get("result").get("id").asText());
                }
            }
        }
        JsonNode tasksBefore = tasks(user);
        LocalDate today = LocalDate.now(ZONE);
        JsonNode answer = chat(user, conversation, example.say());
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : answer.get("tool_calls")) {
            calls.add(new ToolCall(call.get("type").asText(), JSON.convertValue(call.get("params"), Map.class)));
        }

        // an ask-back or a bulk confirmation shows over HTTP only as "nothing happened yet"
        List<String> problems = new ArrayList<>(Expectations.check(example, calls, references, today, ZONE,
                (type, params, found) -> {
                    if (!type.equals("ask_back") && !type.equals("confirm_bulk")) {
                        found.add("unknown expectation type " + type);
                    }
                }));
        boolean changesNothing = example.node().get("expect").isEmpty() || expectsOnly(example, "no_change",
                "ask_back", "confirm_bulk");
        if (changesNothing && !tasks(user).equals(tasksBefore)) {
            problems.add("the task list changed");
        }
        if (!problems.isEmpty()) {
            problems.add("answer: " + answer);
        }
        return problems;
    }

    private static boolean expectsOnly(CorpusCase example, String... types) {
        List<String> allowed = List.of(types);
        for (JsonNode expectation : example.node().get("expect")) {
            if (!allowed.contains(expectation.get("type").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Creates the case's tasks; returns what {@code @0}, {@code @1}, ... stand for. */
    private static Map<String, String> setUp(User user, JsonNode setup) {
        Map<String, String> references = new HashMap<>();
        int index = 0;
        for (JsonNode task : setup.path("setup")) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", task.get(0).asText());
            body.put("priority", task.path(1).asText("medium"));
            if (task.has(2)) {
                body.put("tags", JSON.convertValue(task.get(2), List.class));
            }
            Response created = client.post("/api/v1/tasks", user.token(), body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            references.put("@" + index++, created.json().get("id").asText());
        }
        for (JsonNode done : setup.path("completed_setup")) {
            Response completed = client.put("/api/v1/tasks/" + references.get("@" + done.asInt()), user.token(),
                    Map.of("status", "completed"));
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        }
        return references;
    }

    private static JsonNode tasks(User user) {
        return client.get("/api/v1/tasks", user.token()).json();
    }

    private static JsonNode chat(User user, String conversation, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        if (conversation != null) {
            body.put("conversation_id", conversation);
        }
        Response response = client.post("/api/chat", user.token(), body);
        assertThat(response.status()).as(message + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }
}
