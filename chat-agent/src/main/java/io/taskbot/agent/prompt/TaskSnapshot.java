package io.taskbot.agent.prompt;

import java.util.List;

/**
 * A task as the system prompt lists it, in contract 003's Todo vocabulary.
 *
 * @param dueDate {@code YYYY-MM-DD}, an ISO date-time with offset, or null
 */
public record TaskSnapshot(String id, String title, boolean completed, String priority, String dueDate,
                           List<String> tags) {

    public TaskSnapshot {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
