package io.taskbot.agent.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.taskbot.messaging.Caller;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.ReadModelLagException;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.TaskWrites;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's tools for one turn of one user. The user, the channel and the request id are fixed when the turn
 * starts, from the authenticated request: nothing the model writes can make a tool act for someone else. Each tool
 * dispatches one command or query and answers with JSON in contract 003's Todo shape, or {@code {"error": ...}}
 * that the model can explain to the user.
 */
public final class TaskTools {

    static final int LIST_LIMIT = 100;
    private static final String RECURRENCE = "how the task repeats: an RFC 5545 RRULE without the RRULE: prefix, "
            + "e.g. FREQ=WEEKLY;BYDAY=MO (every monday), FREQ=DAILY;INTERVAL=2 (every other day), "
            + "FREQ=MONTHLY;BYMONTHDAY=1, FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0 (weekdays at 9am)";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final TaskWrites writes;
    private final QueryGateway queries;
    private final Clock clock;
    private final UserId user;
    private final ZoneId zone;
    private final Caller caller;

    /** Tools for a user in UTC. */
    public TaskTools(CommandGateway commands, QueryGateway queries, Clock clock, UserId user, Channel channel,
                     String correlationId) {
        this(commands, queries, clock, user, ZoneOffset.UTC, channel, correlationId);
    }

    /** Tools for a user in {@code zone}, in which recurrences are expanded. */
    public TaskTools(CommandGateway commands, QueryGateway queries, Clock clock, UserId user, ZoneId zone,
                     Channel channel, String correlationId) {
        this.writes = new TaskWrites(commands, queries);
        this.queries = queries;
        this.clock = clock;
        this.user = user;
        this.zone = zone;
        this.caller = new Caller(user, channel, correlationId);
    }

    @Tool(name = "create_todo", value = "Creates a task on the user's list and returns it")
    public String createTodo(
            @P("what to do, 1-255 characters") String title,
            @P(value = "more details, at most 1000 characters", required = false) String description,
            @P(value = "low, medium (default), high or urgent", required = false) String priority,
            @P(value = "YYYY-MM-DD, or an ISO-8601 date-time with offset", required = false) String due_date,
            @P(value = "tags without #", required = false) List<String> tags,
            @P(value = RECURRENCE, required = false) String recurrence) {
        return run(() -> {
            CreateTaskCommand command = new CreateTaskCommand(user, title, description, priority(priority),
                    dueDate(due_date), tags, clock.instant())
                    .withRecurrence(stopsRecurrence(recurrence) ? null : Recurrence.parse(recurrence), zone);
            return json(Todo.of(visible(send(command))));
        });
    }

    @Tool(name = "update_todo", value = "Changes a task of the user; only the given fields change. "
            + "completed=true marks it done, completed=false reopens it")
    public String updateTodo(
            @P("the task's id") String id,
            @P(value = "new title", required = false) String title,
            @P(value = "new description", required = false) String description,
            @P(value = "low, medium, high or urgent", required = false) String priority,
            @P(value = "YYYY-MM-DD, or an ISO-8601 date-time with offset", required = false) String due_date,
            @P(value = "the complete new list of tags", required = false) List<String> tags,
            @P(value = "true when the task is done, false to reopen it", required = false) Boolean completed,
            @P(value = "true removes the task's due date (then leave due_date out)", required = false)
            Boolean clear_due_date,
            @P(value = RECURRENCE + "; an empty string or none stops the task repeating", required = false)
            String recurrence) {
        return run(() -> {
            UpdateTaskCommand command = UpdateTaskCommand.of(taskId(id), user, clock.instant()).inZone(zone)
                    .withTitle(title)
                    .withDescription(description)
                    .withPriority(priority(priority))
                    .withTags(tags)
                    .withStatus(completed == null ? null : completed ? TaskStatus.COMPLETED : TaskStatus.PENDING);
            if (due_date != null && !due_date.isBlank()) {
                command = command.withDueDate(dueDate(due_date));
            } else if (Boolean.TRUE.equals(clear_due_date)) {
                command = command.withoutDueDate();
            }
            if (recurrence != null) {
                command = stopsRecurrence(recurrence) ? command.withoutRecurrence()
                        : command.withRecurrence(Recurrence.parse(recurrence));
            }
            return json(Todo.of(visible(send(command))));
        });
    }

    @Tool(name = "undo_todo", value = "Reverts the most recent change of one task and returns it as it is now")
    public String undoTodo(@P("the task's id") String id) {
        return run(() -> json(Todo.of(visible(send(new UndoTaskCommand(taskId(id), user, clock.instant()))))));
    }

    @Tool(name = "complete_todos", value = "Marks several tasks of the user done in one call, or reopens them with "
            + "completed=false; answers each task in the order given, or {id, error} for one it could not change")
    public String completeTodos(
            @P("the tasks' ids") List<String> ids,
            @P(value = "true (the default) marks them done, false reopens them", required = false) Boolean completed) {
        return run(() -> {
            if (ids == null || ids.isEmpty() || ids.size() > LIST_LIMIT) {
                throw new IllegalArgumentException("name between 1 and " + LIST_LIMIT + " task ids");
            }
            TaskStatus status = Boolean.FALSE.equals(completed) ? TaskStatus.PENDING : TaskStatus.COMPLETED;
            List<JsonNode> answers = new ArrayList<>();
            for (String id : ids) {
                JsonNode answer = JSON.readTree(run(() -> json(Todo.of(visible(send(
                        UpdateTaskCommand.of(taskId(id), user, clock.instant()).inZone(zone).withStatus(status)))))));
                // one id's refusal does not stop the others; the model learns which one it was
                answers.add(answer.has("error")
                        ? JSON.createObjectNode().put("id", id).set("error", answer.get("error")) : answer);
            }
            return json(answers);
        });
    }

    @Tool(name = "delete_todo", value = "Deletes one task of the user and returns what was deleted")
    public String deleteTodo(@P("the task's id") String id) {
        return run(() -> {
            TaskView task = current(taskId(id));
            writes.awaitDeletion(user, send(new DeleteTaskCommand(task.id(), user, clock.instant())));
            return json(Todo.of(task));
        });
    }

    @Tool(name = "get_todos", value = "Lists the user's tasks, oldest first, optionally filtered")
    public String getTodos(
            @P(value = "true: only done tasks; false: only open tasks", required = false) Boolean completed,
            @P(value = "only this priority: low, medium, high or urgent", required = false) String priority,
            @P(value = "only tasks with this tag", required = false) String tag,
            @P(value = "only tasks due on or before this day, YYYY-MM-DD", required = false) String due_before,
            @P(value = "only tasks due on or after this day, YYYY-MM-DD", required = false) String due_after) {
        return run(() -> list(new TaskFilter(null, priority(priority), null, tag == null ? null : tag.replace("#", ""),
                completed, day(due_after), day(due_before))));
    }

    @Tool(name = "search_todos", value = "Finds the user's tasks whose title or description contains the text")
    public String searchTodos(@P("the words to look for") String query) {
        return run(() -> list(new TaskFilter(null, null, query, null)));
    }

    private String list(TaskFilter filter) throws JsonProcessingException {
        TaskPage page = query(new FindTasksQuery(user, filter, TaskSort.OLDEST_FIRST, 0, LIST_LIMIT), TaskPage.class);
        return json(page.tasks().stream().map(Todo::of).toList());
    }

    private TaskWritten send(Object command) {
        return writes.send(command, caller);
    }

    /** The task as the read model shows it after the write, so that a listing right after includes it. */
    private TaskView visible(TaskWritten written) {
        return writes.visible(user, written);
    }

    private TaskView current(TaskId id) {
        TaskLookup lookup = query(new FindTaskQuery(user, id), TaskLookup.class);
        if (lookup.outcome() != TaskLookup.Outcome.FOUND) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "no such task");
        }
        return lookup.task();
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    private <R> R query(Object query, Class<R> type) {
        return queries.query(query, type).join();
    }

    private interface ToolBody {
        String call() throws JsonProcessingException;
    }

    /**
     * A refused or malformed call (a domain error) becomes an error the model can relay; it never reaches the user as
     * a failure. So does a write the read model does not show in time: it is stored, and the model can say so.
     * Anything else is a bug and propagates as it is, to be logged and answered 500.
     */
    private static String run(ToolBody body) {
        try {
            return body.call();
        } catch (TaskException e) {
            String message = switch (e.code()) {
                case NOT_FOUND, NOT_OWNER, DELETED -> "no task with this id";
                default -> e.getMessage();
            };
            return error(message);
        } catch (IllegalArgumentException | ReadModelLagException e) {
            return error(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tool result as JSON", e);
        }
    }

    /** Whether a tool's result is the {@code {"error": ...}} of a refused call rather than its answer. */
    public static boolean isError(String toolResult) {
        try {
            JsonNode result = JSON.readTree(toolResult);
            return result.isObject() && result.size() == 1 && result.has("error");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String error(String message) {
        try {
            return JSON.writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    private static TaskId taskId(String id) {
        try {
            long value = Long.parseLong(id == null ? "" : id.strip());
            if (value > 0) {
                return TaskId.of(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new TaskException(TaskErrorCode.NOT_FOUND, "no such task");
    }

    private static Priority priority(String priority) {
        if (priority == null || priority.isBlank()) {
            return null;
        }
        return Priority.fromWireName(priority).orElseThrow(() ->
                new IllegalArgumentException("priority must be low, medium, high or urgent"));
    }

    /** For the model, which may say "none" rather than leave the field out. */
    private static boolean stopsRecurrence(String recurrence) {
        return recurrence == null || recurrence.isBlank() || recurrence.strip().equalsIgnoreCase("none");
    }

    private static DueDate dueDate(String dueDate) {
        return dueDate == null || dueDate.isBlank() ? null : DueDate.parse(dueDate);
    }

    private static LocalDate day(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip().substring(0, Math.min(10, day.strip().length())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are YYYY-MM-DD");
        }
    }
}
