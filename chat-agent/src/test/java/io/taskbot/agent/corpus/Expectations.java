package io.taskbot.agent.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides whether what an agent did matches a corpus case's {@code expect}, used by the offline
 * model's tests and by the end-to-end run over {@code POST /api/chat}. Only the parameters a case gives are checked;
 * a {@code null} parameter must be absent.
 */
public final class Expectations {

    /** The tools of contract 003, and undo_todo of issue 13. */
    public static final Set<String> TOOLS = Set.of("create_todo", "update_todo", "delete_todo", "get_todos",
            "search_todos", "undo_todo");
    private static final Set<String> CHANGING_TOOLS = Set.of("create_todo", "update_todo", "delete_todo",
            "undo_todo");
    /** What update_todo takes as "stop repeating"; every spelling of it means the same. */
    private static final Set<String> NO_RECURRENCE = Set.of("", "none");

    /** Checks an expectation that is not a tool call and not {@code no_change}, e.g. {@code ask_back}. */
    @FunctionalInterface
    public interface OtherExpectation {
        void check(String type, JsonNode params, List<String> problems);
    }

    private Expectations() {
    }

    /**
     * Compares the tool calls made for a case's utterance with its expectations.
     *
     * @param references what {@code @0}, {@code @1}, ... (the setup tasks) and {@code @last} (the task the earlier
     *                   turns created last) stand for
     * @param today      today in the user's zone, against which the date notation resolves
     * @return what went wrong; empty when the case passed
     */
    public static List<String> check(CorpusCase testCase, List<ToolCall> calls, Map<String, String> references,
                                     LocalDate today, ZoneId zone, OtherExpectation other) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> expectedTools = new ArrayList<>();
        for (JsonNode expectation : testCase.node().get("expect")) {
            String type = expectation.get("type").asText();
            if (TOOLS.contains(type)) {
                expectedTools.add(expectation);
            } else if (type.equals("no_change")) {
                if (calls.stream().anyMatch(call -> CHANGING_TOOLS.contains(call.type()))) {
                    problems.add("expected no change");
                }
            } else {
                other.check(type, expectation.path("params"), problems);
            }
        }
        if (calls.size() != expectedTools.size()) {
            problems.add("expected " + expectedTools.size() + " tool call(s), got " + calls.size());
            return problems;
        }
        for (int i = 0; i < calls.size(); i++) {
            checkTool(expectedTools.get(i), calls.get(i), references, today, zone, problems);
        }
        return problems;
    }

    private static void checkTool(JsonNode expected, ToolCall actual, Map<String, String> references,
                                  LocalDate today, ZoneId zone, List<String> problems) {
        String type = expected.get("type").asText();
        if (!actual.type().equals(type)) {
            problems.add("expected " + type + ", got " + actual.type());
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = expected.path("params").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode want = field.getValue();
            Object got = actual.params().get(name);
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
                case "id" -> got.toString().equals(resolve(want.asText(), references));
                case "title" -> normalizeTitle(want.asText()).equals(normalizeTitle(got.toString()));
                case "due_date", "due_before", "due_after" ->
                        DueNotation.same(DueNotation.resolve(want.asText(), today, zone), got.toString());
                case "tags" -> got.equals(strings(want));
                case "recurrence" -> sameRecurrence(want.asText(), got.toString());
                case "query", "priority", "tag", "description" ->
                        want.asText().equalsIgnoreCase(got.toString().strip());
                default -> want.asText().equals(String.valueOf(got));
            };
            if (!same) {
                problems.add(name + ": expected " + want + ", got " + got);
            }
        }
    }

    /**
     * What a task reference ({@code @0}, {@code @last}) stands for, or {@code null} when the case never set it up
     * (then nothing matches it); anything not starting with {@code @} is a literal id.
     */
    public static String resolve(String reference, Map<String, String> references) {
        return reference.startsWith("@") ? references.get(reference) : reference;
    }

    public static Set<String> resolveAll(JsonNode references, Map<String, String> known) {
        Set<String> resolved = new HashSet<>();
        references.forEach(reference -> resolved.add(resolve(reference.asText(), known)));
        return resolved;
    }

    /** Titles compare case-insensitively, without surrounding quotes, trailing punctuation or doubled blanks. */
    public static String normalizeTitle(String title) {
        String value = title.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        value = value.replaceAll("^[\"'`“”‘’]+|[\"'`“”‘’]+$", "").strip();
        return value.replaceAll("[.!?,;:]+$", "").strip();
    }

    /**
     * RRULEs compare as sets of parts, since their order means nothing and {@code INTERVAL=1} is the default:
     * {@code FREQ=WEEKLY;BYDAY=MO,WE} equals {@code BYDAY=WE,MO;FREQ=WEEKLY;INTERVAL=1}.
     */
    static boolean sameRecurrence(String want, String got) {
        return ruleParts(want).equals(ruleParts(got));
    }

    private static Set<String> ruleParts(String rule) {
        String value = rule.strip().toUpperCase(Locale.ROOT).replaceFirst("^RRULE:", "");
        Set<String> parts = new HashSet<>();
        if (NO_RECURRENCE.contains(value.toLowerCase(Locale.ROOT))) {
            return parts;
        }
        for (String part : value.split(";")) {
            String[] nameValue = part.strip().split("=", 2);
            if (nameValue.length != 2 || nameValue[0].equals("INTERVAL") && nameValue[1].strip().equals("1")) {
                continue;
            }
            Set<String> values = new java.util.TreeSet<>(List.of(nameValue[1].strip().split("\\s*,\\s*")));
            parts.add(nameValue[0].strip() + "=" + String.join(",", values));
        }
        return parts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
