package io.taskbot.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ToolExecutionResultMessage;

import java.util.ArrayList;
import java.util.List;

/** Puts the offline model's answer into words, from its actions and the results of the tools they ran. */
final class Replies {

    private Replies() {
    }

    static String compose(List<Action> actions, List<ToolExecutionResultMessage> results, ConversationContext context) {
        List<String> parts = new ArrayList<>();
        int call = 0;
        for (Action action : actions) {
            if (action.toolName().isPresent()) {
                JsonNode result = call < results.size() ? OfflineChatModel.parse(results.get(call).text()) : null;
                call++;
                parts.add(describe(action, result, context));
            } else {
                parts.add(say(action, context));
            }
        }
        return parts.isEmpty() ? "How can I help with your tasks?" : String.join("\n", parts);
    }

    private static String say(Action action, ConversationContext context) {
        if (action instanceof Action.ConfirmBulk confirm) {
            return confirm.question() + OfflineChatModel.listedForConfirmation(confirm.confirmation().ids(), context);
        }
        if (action instanceof Action.AskBack ask) {
            return ask.question();
        }
        if (action instanceof Action.Reply reply) {
            return reply.text();
        }
        return "";
    }

    private static String describe(Action action, JsonNode result, ConversationContext context) {
        if (result == null) {
            return "Something went wrong, nothing was changed.";
        }
        if (result.has("error")) {
            if (action instanceof Action.UndoTask undo) {
                return "I couldn't undo the change to " + titleOf(undo.id(), context) + ": "
                        + result.path("error").asText() + ".";
            }
            return "I couldn't do that: " + result.path("error").asText() + ".";
        }
        if (action instanceof Action.UndoTask undo) {
            boolean wasDeleted = context.tasks().stream().noneMatch(task -> task.id().equals(undo.id()));
            return (wasDeleted ? "Brought back " + quoted(result) : "Undid the last change to " + quoted(result))
                    + state(result) + ".";
        }
        if (action instanceof Action.CreateTask create && create.recurrence() != null) {
            return "Added " + quoted(result) + repeating(create.recurrence(), result) + details(result, false) + ".";
        }
        if (action instanceof Action.CreateTask) {
            return "Added " + quoted(result) + details(result) + ".";
        }
        if (action instanceof Action.UpdateTask update && update.recurrence() != null) {
            if (Action.UpdateTask.NO_RECURRENCE.equals(update.recurrence())) {
                return quoted(result) + " no longer repeats" + details(result) + ".";
            }
            return "Updated " + quoted(result) + repeating(update.recurrence(), result) + details(result, false)
                    + ".";
        }
        if (action instanceof Action.UpdateTask update) {
            if (Boolean.TRUE.equals(update.completed())) {
                return "Marked " + quoted(result) + " as done.";
            }
            if (Boolean.FALSE.equals(update.completed())) {
                return "Reopened " + quoted(result) + ".";
            }
            if (update.clearDueDate()) {
                return "Removed the due date from " + quoted(result) + ".";
            }
            return "Updated " + quoted(result) + details(result) + ".";
        }
        if (action instanceof Action.DeleteTask) {
            return "Deleted " + quoted(result) + ".";
        }
        if (action instanceof Action.SearchTasks search) {
            return result.isEmpty() ? "No tasks mention \"" + search.query() + "\"."
                    : "Tasks matching \"" + search.query() + "\":" + listing(result);
        }
        if (result.isEmpty()) {
            return action.equals(Action.ListTasks.everything()) ? "Your task list is empty." : "No tasks match.";
        }
        return "Here are your tasks:" + listing(result);
    }

    private static String listing(JsonNode todos) {
        StringBuilder text = new StringBuilder();
        int number = 1;
        for (JsonNode todo : todos) {
            text.append('\n').append(number++).append(". ").append(todo.path("title").asText());
            List<String> notes = new ArrayList<>();
            if (todo.path("completed").asBoolean()) {
                notes.add("done");
            }
            if (!"medium".equals(todo.path("priority").asText())) {
                notes.add(todo.path("priority").asText() + " priority");
            }
            if (todo.hasNonNull("due_date")) {
                notes.add("due " + todo.path("due_date").asText());
            }
            if (!notes.isEmpty()) {
                text.append(" (").append(String.join(", ", notes)).append(')');
            }
        }
        return text.toString();
    }

    private static String quoted(JsonNode todo) {
        return "\"" + todo.path("title").asText() + "\"";
    }

    /** ": it repeats every Monday, next due 2026-11-23", from the rule the agent sent and the date the task got. */
    private static String repeating(String rrule, JsonNode todo) {
        String rule = RecurrenceGrammar.parse(rrule).map(RecurrenceGrammar.Rule::describe).orElse("as " + rrule);
        String next = todo.hasNonNull("due_date") ? ", next due " + todo.path("due_date").asText() : "";
        return ", repeating " + rule + next;
    }

    /** The task's state after an undo: open or done, and its due date. */
    private static String state(JsonNode todo) {
        String status = todo.path("completed").asBoolean() ? "done" : "open";
        return " (now " + status + (todo.hasNonNull("due_date") ? ", due " + todo.path("due_date").asText() : "")
                + ")";
    }

    private static String titleOf(String id, ConversationContext context) {
        return context.tasks().stream().filter(task -> task.id().equals(id)).findFirst()
                .map(task -> "\"" + task.title() + "\"").orElse("task #" + id);
    }

    private static String details(JsonNode todo) {
        return details(todo, true);
    }

    private static String details(JsonNode todo, boolean withDueDate) {
        StringBuilder text = new StringBuilder();
        if (withDueDate && todo.hasNonNull("due_date")) {
            text.append(", due ").append(todo.path("due_date").asText());
        }
        if (!"medium".equals(todo.path("priority").asText())) {
            text.append(", ").append(todo.path("priority").asText()).append(" priority");
        }
        return text.toString();
    }
}
