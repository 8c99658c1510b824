package io.taskbot.agent.offline;

import io.taskbot.task.Priority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task assistant should do for one utterance. The first six stand for the agent's tools
 * ({@link #toolName()}, {@link #toolArguments()}); the last three only talk to the user and change nothing.
 * Absent ({@code null}) fields mean "not given" / "leave as it is".
 */
public sealed interface Action {

    /** The contract 003 tool this action calls, or empty when it only talks to the user. */
    default Optional<String> toolName() {
        return Optional.empty();
    }

    /** The tool's parameters under their contract 003 names, without the absent ones. */
    default Map<String, Object> toolArguments() {
        return Map.of();
    }

    /**
     * @param dueDate    {@code YYYY-MM-DD} or an ISO date-time with the user's offset (a repeating task's first
     *                   occurrence)
     * @param recurrence an RFC 5545 RRULE without the {@code RRULE:} prefix, or {@code null}
     */
    record CreateTask(String title, String description, Priority priority, String dueDate, List<String> tags,
                      String recurrence) implements Action {

        public CreateTask {
            Objects.requireNonNull(title, "title");
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public CreateTask(String title, String description, Priority priority, String dueDate, List<String> tags) {
            this(title, description, priority, dueDate, tags, null);
        }

        public static CreateTask titled(String title) {
            return new CreateTask(title, null, null, null, List.of());
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("create_todo");
        }

        @Override
        public Map<String, Object> toolArguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("title", title);
            putPresent(arguments, "description", description);
            putPresent(arguments, "priority", priority == null ? null : priority.wireName());
            putPresent(arguments, "due_date", dueDate);
            if (!tags.isEmpty()) {
                arguments.put("tags", tags);
            }
            putPresent(arguments, "recurrence", recurrence);
            return arguments;
        }
    }

    /**
     * @param tags         the complete new tag list (already merged with the task's tags), or {@code null} to keep them
     * @param clearDueDate true to remove the due date ("no deadline for it"); then {@code dueDate} is null
     * @param recurrence   the new RRULE, {@link #NO_RECURRENCE} to stop repeating, or {@code null} to keep it
     */
    record UpdateTask(String id, String title, String description, Priority priority, String dueDate,
                      List<String> tags, Boolean completed, boolean clearDueDate, String recurrence)
            implements Action {

        /** What update_todo takes as the recurrence to stop a task repeating. */
        public static final String NO_RECURRENCE = "none";

        public UpdateTask {
            Objects.requireNonNull(id, "id");
            tags = tags == null ? null : List.copyOf(tags);
            if (clearDueDate && dueDate != null) {
                throw new IllegalArgumentException("either set or clear the due date, not both");
            }
        }

        public UpdateTask(String id, String title, String description, Priority priority, String dueDate,
                          List<String> tags, Boolean completed, boolean clearDueDate) {
            this(id, title, description, priority, dueDate, tags, completed, clearDueDate, null);
        }

        public UpdateTask(String id, String title, String description, Priority priority, String dueDate,
                          List<String> tags, Boolean completed) {
            this(id, title, description, priority, dueDate, tags, completed, false);
        }

        public static UpdateTask stopRepeating(String id) {
            return new UpdateTask(id, null, null, null, null, null, null, false, NO_RECURRENCE);
        }

        public static UpdateTask clearingDueDate(String id) {
            return new UpdateTask(id, null, null, null, null, null, null, true);
        }

        public static UpdateTask completing(String id, boolean completed) {
            return new UpdateTask(id, null, null, null, null, null, completed);
        }

        public static UpdateTask renaming(String id, String title) {
            return new UpdateTask(id, title, null, null, null, null, null);
        }

        public static UpdateTask describing(String id, String description) {
            return new UpdateTask(id, null, description, null, null, null, null);
        }

        public static UpdateTask prioritizing(String id, Priority priority) {
            return new UpdateTask(id, null, null, priority, null, null, null);
        }

        public static UpdateTask scheduling(String id, String dueDate) {
            return new UpdateTask(id, null, null, null, dueDate, null, null);
        }

        public static UpdateTask tagging(String id, List<String> tags) {
            return new UpdateTask(id, null, null, null, null, tags, null);
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("update_todo");
        }

        @Override
        public Map<String, Object> toolArguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("id", id);
            putPresent(arguments, "title", title);
            putPresent(arguments, "description", description);
            putPresent(arguments, "priority", priority == null ? null : priority.wireName());
            putPresent(arguments, "due_date", dueDate);
            putPresent(arguments, "tags", tags);
            putPresent(arguments, "completed", completed);
            if (clearDueDate) {
                arguments.put("clear_due_date", true);
            }
            putPresent(arguments, "recurrence", recurrence);
            return arguments;
        }
    }

    /** Takes back the most recent change to one task (issue 13's undo); the tool appends events that restore it. */
    record UndoTask(String id) implements Action {

        public UndoTask {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("undo_todo");
        }

        @Override
        public Map<String, Object> toolArguments() {
            return Map.of("id", id);
        }
    }

    record DeleteTask(String id) implements Action {

        public DeleteTask {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("delete_todo");
        }

        @Override
        public Map<String, Object> toolArguments() {
            return Map.of("id", id);
        }
    }

    /** @param dueBefore inclusive upper bound {@code YYYY-MM-DD}; @param dueAfter inclusive lower bound */
    record ListTasks(Boolean completed, Priority priority, String tag, String dueBefore, String dueAfter)
            implements Action {

        public static ListTasks everything() {
            return new ListTasks(null, null, null, null, null);
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("get_todos");
        }

        @Override
        public Map<String, Object> toolArguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            putPresent(arguments, "completed", completed);
            putPresent(arguments, "priority", priority == null ? null : priority.wireName());
            putPresent(arguments, "tag", tag);
            putPresent(arguments, "due_before", dueBefore);
            putPresent(arguments, "due_after", dueAfter);
            return arguments;
        }
    }

    record SearchTasks(String query) implements Action {

        public SearchTasks {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public Optional<String> toolName() {
            return Optional.of("search_todos");
        }

        @Override
        public Map<String, Object> toolArguments() {
            return Map.of("query", query);
        }
    }

    /** The reference was ambiguous or missing; nothing changes. The candidates may be empty. */
    record AskBack(String question, List<String> candidateIds) implements Action {

        public AskBack {
            Objects.requireNonNull(question, "question");
            candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
        }
    }

    /** A change to many tasks needs a yes first; the caller keeps the confirmation for the next turn. */
    record ConfirmBulk(PendingConfirmation confirmation, String question) implements Action {

        public ConfirmBulk {
            Objects.requireNonNull(confirmation, "confirmation");
            Objects.requireNonNull(question, "question");
        }
    }

    /** Small talk, help, a refusal or an answer that needs no tool. */
    record Reply(String text) implements Action {

        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    private static void putPresent(Map<String, Object> arguments, String name, Object value) {
        if (value != null) {
            arguments.put(name, value);
        }
    }
}
