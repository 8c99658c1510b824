package io.taskbot.agent.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads corpus files in the format of {@code agent-corpus/README.md}: the project's own example corpus
 * ({@link #dev()}), the offline model's phrasing sets, or any file given by path.
 */
public final class AgentCorpus {

    /** The project's example corpus, on the test classpath of chat-agent and (through its test-jar) of the app. */
    public static final String DEV_RESOURCE = "/agent-corpus/dev.jsonl";
    /** Named task lists a case may refer to with {@code "fixture": "name"} instead of its own {@code setup}. */
    public static final String FIXTURES_RESOURCE = "/offline-agent/fixtures.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentCorpus() {
    }

    public static List<CorpusCase> dev() {
        return read(resourceLines(DEV_RESOURCE), "dev.jsonl");
    }

    public static List<CorpusCase> read(Path file) {
        try {
            return read(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
    }

    public static List<CorpusCase> read(List<String> lines, String source) {
        List<CorpusCase> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = parse(line, source + ":" + (i + 1));
            String kind = node.has("kind") ? node.get("kind").asText() : "dev";
            cases.add(new CorpusCase(source, i + 1, kind, node.get("say").asText(), node));
        }
        return cases;
    }

    public static List<String> resourceLines(String resource) {
        try (InputStream in = AgentCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode fixtures() {
        return parse(String.join("\n", resourceLines(FIXTURES_RESOURCE)), FIXTURES_RESOURCE);
    }

    /**
     * Where a case's tasks come from: the named fixture, or the case itself. Either has {@code setup}
     * ({@code [title, priority, [tags]]} entries) and optionally {@code completed_setup} (indexes).
     */
    public static JsonNode setupOf(CorpusCase testCase, JsonNode fixtures) {
        JsonNode node = testCase.node();
        if (!node.has("fixture")) {
            return node;
        }
        JsonNode fixture = fixtures.get(node.get("fixture").asText());
        if (fixture == null) {
            throw new IllegalArgumentException(testCase + ": unknown fixture " + node.get("fixture"));
        }
        return fixture;
    }

    private static JsonNode parse(String json, String where) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON at " + where, e);
        }
    }
}
