package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.agent.offline.Action.AskBack;
import io.taskbot.agent.offline.Action.ConfirmBulk;
import io.taskbot.agent.offline.Action.CreateTask;
import io.taskbot.agent.offline.Action.DeleteTask;
import io.taskbot.agent.offline.Action.UpdateTask;
import io.taskbot.task.Priority;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads corpus lines in the agent-corpus format (plus this module's additions: named fixtures, {@code null} for a
 * parameter that must be absent, and the non-tool expectations {@code ask_back} and {@code confirm_bulk}) and checks
 * the interpreter's actions against them.
 */
final class CorpusCases {

    /** The user's clock a case runs against; every case must hold for each of them. */
    record Clock(String name, LocalDate today, ZoneId zone, LocalTime now) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Clock> CLOCKS = List.of(
            new Clock("Sat 2026-11-21 Berlin", LocalDate.of(2026, 11, 21), ZoneId.of("Europe/Berlin"),
                    LocalTime.of(9, 30)),
            new Clock("Wed 2027-03-10 New York", LocalDate.of(2027, 3, 10), ZoneId.of("America/New_York"),
                    LocalTime.of(9, 30)),
            new Clock("Thu 2026-12-31 Kolkata", LocalDate.of(2026, 12, 31), ZoneId.of("Asia/Kolkata"),
                    LocalTime.of(9, 30)));

    record Case(String source, int line, String kind, String say, JsonNode node) {

        @Override
        public String toString() {
            return source + ":" + line + " " + say.replace("\n", " / ");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOOLS = Set.of("create_todo", "update_todo", "delete_todo", "get_todos",
            "search_todos");

    private CorpusCases() {
    }

    /** Walks up from the working directory to find a file of the shared folder, e.g. {@code agent-corpus/dev.jsonl}. */
    static Optional<Path> findShared(String relative) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }

    static List<Case> read(List<String> lines, String source) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = parse(line);
            String kind = node.has("kind") ? node.get("kind").asText() : "dev";
            cases.add(new Case(source, i + 1, kind, node.get("say").asText(), node));
        }
        return cases;
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = CorpusCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixtures() {
        return parse(String.join("\n", resourceLines("/offline-agent/fixtures.json")));
    }

    /** Runs the case on a fresh fake task list; returns what went wrong, or nothing when it passed. */
    static List<String> check(Case testCase, Clock clock, TaskTalkInterpreter interpreter, JsonNode fixtures) {
        JsonNode node = testCase.node();
        FakeTaskList list = new FakeTaskList(clock.today(), clock.zone(), clock.now());
        List<String> ids = new ArrayList<>();
        JsonNode setupSource = node.has("fixture") ? fixtures.get(node.get("fixture").asText()) : node;
        seed(list, setupSource, ids);
        for (JsonNode before : node.path("before")) {
            list.say(interpreter, before.asText());
        }
        String lastCreated = list.lastCreatedId();
        List<Action> actions = interpreter.interpret(testCase.say(), list.context());

        List<String> problems = new ArrayList<>();
        List<Action> tools = actions.stream().filter(action -> action.toolName().isPresent()).toList();
        List<JsonNode> expectedTools = new ArrayList<>();
        for (JsonNode expectation : node.get("expect")) {
            String type = expectation.get("type").asText();
            if (TOOLS.contains(type)) {
                expectedTools.add(expectation);
            } else {
                checkOther(type, expectation.path("params"), actions, ids, problems);
            }
        }
        if (tools.size() != expectedTools.size()) {
            problems.add("expected " + expectedTools.size() + " tool call(s), got " + tools.size());
        } else {
            for (int i = 0; i < tools.size(); i++) {
                checkTool(expectedTools.get(i), tools.get(i), ids, lastCreated, clock, problems);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("actions: " + actions);
        }
        return problems;
    }

    private static void seed(FakeTaskList list, JsonNode source, List<String> ids) {
        Set<Integer> completed = new HashSet<>();
        for (JsonNode index : source.path("completed_setup")) {
            completed.add(index.asInt());
        }
        int index = 0;
        for (JsonNode entry : source.path("setup")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : entry.path(2)) {
                tags.add(tag.asText());
            }
            Priority priority = Priority.fromWireName(entry.path(1).asText("medium")).orElse(Priority.DEFAULT);
            ids.add(list.seed(entry.get(0).asText(), priority, tags, completed.contains(index)));
            index++;
        }
    }

    private static void checkOther(String type, JsonNode params, List<Action> actions, List<String> ids,
                                   List<String> problems) {
        switch (type) {
            case "no_change" -> {
                if (actions.stream().anyMatch(a -> a instanceof CreateTask || a instanceof UpdateTask
                        || a instanceof DeleteTask)) {
                    problems.add("expected no change");
                }
            }
            case "ask_back" -> {
                Optional<AskBack> askBack = actions.stream().filter(AskBack.class::isInstance)
                        .map(AskBack.class::cast).findFirst();
                if (askBack.isEmpty()) {
                    problems.add("expected an ask-back");
                } else if (params.has("candidates")
                        && !Set.copyOf(askBack.get().candidateIds()).equals(referenced(params.get("candidates"), ids))) {
                    problems.add("ask-back candidates differ");
                }
            }
            case "confirm_bulk" -> {
                Optional<ConfirmBulk> confirm = actions.stream().filter(ConfirmBulk.class::isInstance)
                        .map(ConfirmBulk.class::cast).findFirst();
                if (confirm.isEmpty()) {
                    problems.add("expected a bulk confirmation");
                    return;
                }
                PendingConfirmation pending = confirm.get().confirmation();
                if (params.has("kind") && !pending.kind().name().equalsIgnoreCase(params.get("kind").asText())) {
                    problems.add("confirmation kind " + pending.kind());
                }
                if (params.has("ids") && !Set.copyOf(pending.ids()).equals(referenced(params.get("ids"), ids))) {
                    problems.add("confirmation ids " + pending.ids());
                }
            }
            default -> problems.add("unknown expectation type " + type);
        }
    }

    private static void checkTool(JsonNode expected, Action actual, List<String> ids, String lastCreated,
                                  Clock clock, List<String> problems) {
        String type = expected.get("type").asText();
        if (!actual.toolName().orElseThrow().equals(type)) {
            problems.add("expected " + type + ", got " + actual.toolName().orElseThrow());
            return;
        }
        Map<String, Object> arguments = actual.toolArguments();
        Iterator<Map.Entry<String, JsonNode>> fields = expected.path("params").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode want = field.getValue();
            Object got = arguments.get(name);
            if (want.isNull()) {
                if (got != null) {
                    problems.add(name + " should be absent, got " + got);
                }
                continue;
            }
            if (got == null) {
                problems.add(name + " missing, expected " + want);
                continue;
            }
            boolean same = switch (name) {
                case "id" -> got.equals(reference(want.asText(), ids, lastCreated));
                case "title" -> normalizeTitle(want.asText()).equals(normalizeTitle(got.toString()));
                case "due_date", "due_before", "due_after" ->
                        DueNotation.same(DueNotation.resolve(want.asText(), clock.today(), clock.zone()), got.toString());
                case "tags" -> got.equals(stringList(want));
                case "query", "priority", "tag", "description" -> want.asText().equalsIgnoreCase(got.toString().strip());
                default -> want.asText().equals(String.valueOf(got));
            };
            if (!same) {
                problems.add(name + ": expected " + want + ", got " + got);
            }
        }
    }

    private static Set<String> referenced(JsonNode references, List<String> ids) {
        Set<String> resolved = new HashSet<>();
        for (JsonNode reference : references) {
            resolved.add(reference(reference.asText(), ids, null));
        }
        return resolved;
    }

    private static String reference(String reference, List<String> ids, String lastCreated) {
        if (reference.equals("@last")) {
            return lastCreated;
        }
        return ids.get(Integer.parseInt(reference.substring(1)));
    }

    private static List<String> stringList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String normalizeTitle(String title) {
        String value = title.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        value = value.replaceAll("^[\"'`]+|[\"'`]+$", "").strip();
        return value.replaceAll("[.!?,;:]+$", "").strip();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
