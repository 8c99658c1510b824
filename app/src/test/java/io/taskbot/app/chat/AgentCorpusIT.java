package io.taskbot.app.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of {@code shared/agent-corpus/dev.jsonl}, through the whole product: tasks set up over contract 000,
 * the earlier utterances and the utterance under test sent to {@code POST /api/chat} in one conversation, and the
 * reported {@code tool_calls} compared with the expected ones. "No change" cases also check that the task list is
 * exactly as before.
 */
class AgentCorpusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    static Path dataDir;
    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void startApp() {
        app = RunningApp.start(dataDir, Map.of("taskbot.rate-limits.enabled", "false"));
        client = app.client().withHeader("X-Time-Zone", ZONE.getId());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    static Stream<JsonNode> corpus() throws IOException {
        Path file = locate("shared/agent-corpus/dev.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines.stream();
    }

    static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            if (Files.exists(dir.resolve("..").resolve(relative))) {
                return dir.resolve("..").resolve(relative).normalize();
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void agentDoesWhatTheCorpusExpects(JsonNode example) {
        User user = Users.register(client, "corpus");
        Map<String, String> names = new HashMap<>();
        int index = 0;
        for (JsonNode task : example.path("setup")) {
            Response created = client.post("/api/v1/tasks", user.token(),
                    Map.of("title", task.get(0).asText(), "priority", task.get(1).asText()));
            assertThat(created.status()).isEqualTo(201);
            names.put("@" + index++, created.json().get("id").asText());
        }
        for (JsonNode done : example.path("completed_setup")) {
            client.put("/api/v1/tasks/" + names.get("@" + done.asInt()), user.token(), Map.of("status", "completed"));
        }

        String conversation = null;
        for (JsonNode before : example.path("before")) {
            JsonNode answer = chat(user, conversation, before.asText());
            conversation = answer.get("conversation_id").asText();
            for (JsonNode call : answer.get("tool_calls")) {
                if (call.get("type").asText().equals("create_todo")) {
                    names.put("@last", call.get("result").get("id").asText());
                }
            }
        }
        JsonNode tasksBefore = client.get("/api/v1/tasks", user.token()).json();
        LocalDate today = LocalDate.now(ZONE);
        JsonNode answer = chat(user, conversation, example.get("say").asText());
        List<JsonNode> calls = new ArrayList<>();
        answer.get("tool_calls").forEach(calls::add);
        String context = example.get("say").asText() + " -> " + answer;

        JsonNode expected = example.get("expect");
        if (expected.size() == 1 && expected.get(0).get("type").asText().equals("no_change")) {
            assertThat(calls).as(context).noneMatch(call -> call.get("type").asText().matches("update_todo|delete_todo"));
            assertThat(client.get("/api/v1/tasks", user.token()).json()).as(context).isEqualTo(tasksBefore);
            return;
        }
        assertThat(calls).as(context).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = calls.get(i);
            assertThat(got.get("type").asText()).as(context).isEqualTo(want.get("type").asText());
            for (Iterator<Map.Entry<String, JsonNode>> params = want.get("params").fields(); params.hasNext(); ) {
                Map.Entry<String, JsonNode> param = params.next();
                JsonNode actual = got.get("params").get(param.getKey());
                assertThat(actual).as(context + " param " + param.getKey()).isNotNull();
                assertParam(param.getKey(), param.getValue(), actual, names, today, context);
            }
        }
        if (expected.isEmpty()) {
            assertThat(client.get("/api/v1/tasks", user.token()).json()).as(context).isEqualTo(tasksBefore);
        }
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

    private static void assertParam(String name, JsonNode want, JsonNode actual, Map<String, String> names,
                                    LocalDate today, String context) {
        switch (name) {
            case "id" -> assertThat(actual.asText()).as(context).isEqualTo(names.getOrDefault(want.asText(),
                    want.asText()));
            case "title" -> assertThat(clean(actual.asText())).as(context).isEqualTo(clean(want.asText()));
            case "due_date" -> assertSameDue(resolve(want.asText(), today), actual.asText(), context);
            default -> assertThat(actual).as(context).isEqualTo(want);
        }
    }

    private static String clean(String title) {
        return title.toLowerCase(Locale.ROOT).strip().replaceAll("^[\"'“”‘’]+|[\"'“”‘’.!?,;:]+$", "");
    }

    private static void assertSameDue(String expected, String actual, String context) {
        if (expected.length() == 10 || actual.length() == 10) {
            assertThat(actual).as(context).isEqualTo(expected);
        } else {
            assertThat(OffsetDateTime.parse(actual).toInstant()).as(context)
                    .isEqualTo(OffsetDateTime.parse(expected).toInstant());
        }
    }

    /** The corpus' date notation (see agent-corpus/README.md) against today in the user's zone. */
    static String resolve(String notation, LocalDate today) {
        String datePart = notation;
        LocalTime time = null;
        int at = notation.indexOf('T');
        if (at > 0 && at + 1 < notation.length() && Character.isDigit(notation.charAt(at + 1))) {
            datePart = notation.substring(0, at);
            time = LocalTime.parse(notation.substring(at + 1));
        }
        LocalDate date;
        if (datePart.startsWith("+")) {
            date = today.plusDays(Integer.parseInt(datePart.substring(1)));
        } else if (datePart.startsWith("dow:")) {
            date = today.with(TemporalAdjusters.next(dayOfWeek(datePart.substring(4))));
        } else if (datePart.startsWith("dom:")) {
            int day = Integer.parseInt(datePart.substring(4));
            YearMonth month = YearMonth.from(today);
            while (day > month.lengthOfMonth() || month.atDay(day).isBefore(today)) {
                month = month.plusMonths(1);
            }
            date = month.atDay(day);
        } else if (datePart.startsWith("md:")) {
            String[] monthDay = datePart.substring(3).split("-");
            LocalDate candidate = LocalDate.of(today.getYear(), Integer.parseInt(monthDay[0]),
                    Integer.parseInt(monthDay[1]));
            date = candidate.isBefore(today) ? candidate.plusYears(1) : candidate;
        } else {
            date = LocalDate.parse(datePart);
        }
        return time == null ? date.toString() : ZonedDateTime.of(date, time, ZONE).toOffsetDateTime().toString();
    }

    private static DayOfWeek dayOfWeek(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }
}
