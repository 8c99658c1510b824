package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.agent.corpus.AgentCorpus;
import io.taskbot.agent.corpus.CorpusCase;
import io.taskbot.agent.corpus.Expectations;
import io.taskbot.agent.corpus.ToolCall;
import io.taskbot.agent.offline.Action.AskBack;
import io.taskbot.agent.offline.Action.ConfirmBulk;
import io.taskbot.task.Priority;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs corpus cases (the format of {@code agent-corpus/README.md}) through the offline interpreter on a fake task
 * list and scores its actions with the shared {@link Expectations}; the non-tool expectations {@code ask_back} and
 * {@code confirm_bulk} are checked here against the interpreter's own actions.
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

    private CorpusCases() {
    }

    static List<CorpusCase> read(List<String> lines, String source) {
        return AgentCorpus.read(lines, source);
    }

    static List<String> resourceLines(String resource) {
        return AgentCorpus.resourceLines(resource);
    }

    static JsonNode fixtures() {
        return AgentCorpus.fixtures();
    }

    /** Runs the case on a fresh fake task list; returns what went wrong, or nothing when it passed. */
    static List<String> check(CorpusCase testCase, Clock clock, TaskTalkInterpreter interpreter, JsonNode fixtures) {
        FakeTaskList list = new FakeTaskList(clock.today(), clock.zone(), clock.now());
        List<String> ids = new ArrayList<>();
        seed(list, AgentCorpus.setupOf(testCase, fixtures), ids);
        for (JsonNode before : testCase.node().path("before")) {
            list.say(interpreter, before.asText());
        }
        Map<String, String> references = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            references.put("@" + i, ids.get(i));
        }
        if (list.lastCreatedId() != null) {
            references.put("@last", list.lastCreatedId());
        }
        List<Action> actions = interpreter.interpret(testCase.say(), list.context());

        List<ToolCall> calls = actions.stream()
                .filter(action -> action.toolName().isPresent())
                .map(action -> new ToolCall(action.toolName().orElseThrow(), action.toolArguments()))
                .toList();
        List<String> problems = new ArrayList<>(Expectations.check(testCase, calls, references, clock.today(),
                clock.zone(), (type, params, found) -> checkOther(type, params, actions, references, found)));
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

    private static void checkOther(String type, JsonNode params, List<Action> actions, Map<String, String> references,
                                   List<String> problems) {
        switch (type) {
            case "ask_back" -> {
                Optional<AskBack> askBack = actions.stream().filter(AskBack.class::isInstance)
                        .map(AskBack.class::cast).findFirst();
                if (askBack.isEmpty()) {
                    problems.add("expected an ask-back");
                } else if (params.has("candidates") && !Set.copyOf(askBack.get().candidateIds())
                        .equals(Expectations.resolveAll(params.get("candidates"), references))) {
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
                if (params.has("ids")
                        && !Set.copyOf(pending.ids()).equals(Expectations.resolveAll(params.get("ids"), references))) {
                    problems.add("confirmation ids " + pending.ids());
                }
            }
            default -> problems.add("unknown expectation type " + type);
        }
    }
}
