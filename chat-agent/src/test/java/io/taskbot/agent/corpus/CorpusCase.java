package io.taskbot.agent.corpus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a corpus file: what the user says, the tasks and earlier turns it needs, and what must follow.
 *
 * @param kind the line's {@code kind} field, or {@code "dev"} when it has none; scores are tallied per kind
 */
public record CorpusCase(String source, int line, String kind, String say, JsonNode node) {

    @Override
    public String toString() {
        return source + ":" + line + " " + say.replace("\n", " / ");
    }
}
