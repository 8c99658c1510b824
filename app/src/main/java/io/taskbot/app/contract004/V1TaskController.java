package io.taskbot.app.contract004;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskbot.app.chat.ChatTurns;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.task.PastInstant;
import io.taskbot.app.task.TaskGateway;
import io.taskbot.app.task.TaskRequests;
import io.taskbot.messaging.Caller;
import io.taskbot.messaging.Channel;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.Priority;
import io.taskbot.task.Tags;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Contract 004's tasks. Every operation acts as the token's user; ids, owners and timestamps in a request body are
 * not the client's to set and are ignored.
 */
@RestController
@RequestMapping(path = "/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class V1TaskController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String PRIORITIES = "low, medium, high or urgent";
    private static final String LIMIT_RANGE = "limit must be between 1 and " + MAX_LIMIT;

    private final TaskGateway tasks;
    private final Clock clock;

    V1TaskController(TaskGateway tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** {@code recurrence} is a JSON node so that an update can tell a rule left out from one set to null. */
    record CreateTaskRequest(String title, String description, String priority, String dueDate, List<String> tags,
                             @Schema(type = "string", nullable = true, example = "FREQ=WEEKLY;BYDAY=MO",
                                     description = "An RFC 5545 RRULE without the RRULE: prefix; null for none")
                             JsonNode recurrence) {
    }

    /** Every field is optional; an empty {@code due_date} removes the due date, a null recurrence stops it. */
    record UpdateTaskRequest(String title, String description, String priority, Boolean completed, String dueDate,
                             List<String> tags,
                             @Schema(type = "string", nullable = true, example = "FREQ=MONTHLY;BYMONTHDAY=1",
                                     description = "An RFC 5545 RRULE without the RRULE: prefix; null stops the "
                                             + "task repeating, absent leaves it as it is")
                             JsonNode recurrence) {
    }

    record CompletionRequest(
            @NotNull(message = "completed is required: true to complete the task, false to reopen it")
            Boolean completed) {
    }

    record Pagination(int page, int limit, long total, long totalPages) {
    }

    record TaskList(List<V1Task> tasks, Pagination pagination) {
    }

    @GetMapping
    Envelope list(@AuthenticationPrincipal Jwt token,
                  @RequestParam(required = false) @Min(value = 1, message = "page must be 1 or more") Integer page,
                  @RequestParam(required = false)
                  @Min(value = 1, message = LIMIT_RANGE) @Max(value = MAX_LIMIT, message = LIMIT_RANGE) Integer limit,
                  @RequestParam(required = false) String search,
                  @RequestParam(required = false) String priority,
                  @RequestParam(required = false) String completed,
                  @RequestParam(required = false) String tag,
                  @RequestParam(required = false) String sort) {
        int pageNumber = page == null ? 1 : page;
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        long offset = (long) (pageNumber - 1) * pageSize;
        if (offset > Integer.MAX_VALUE) {
            throw V1Failure.invalidInput("page is too large");
        }
        TaskFilter filter = new TaskFilter(null, priority(priority), search,
                tag == null || tag.isBlank() ? null : Tags.normalize(List.of(tag)).get(0),
                completed == null ? null : completedFilter(completed));
        TaskPage found = tasks.list(new FindTasksQuery(CurrentUser.of(token), filter, SortParameter.parse(sort),
                (int) offset, pageSize));
        long totalPages = (found.total() + pageSize - 1) / pageSize;
        return Envelope.of(new TaskList(found.tasks().stream().map(V1Task::of).toList(),
                new Pagination(pageNumber, pageSize, found.total(), totalPages)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Envelope> create(@AuthenticationPrincipal Jwt token, @RequestBody CreateTaskRequest request,
                                    @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                                    HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        CreateTaskCommand command = new CreateTaskCommand(user, request.title(), request.description(),
                priority(request.priority()),
                request.dueDate() == null || request.dueDate().isEmpty() ? null : DueDate.parse(request.dueDate()),
                request.tags(), clock.instant())
                .withRecurrence(TaskRequests.recurrence(request.recurrence()), ChatTurns.zone(timeZone));
        V1Task created = V1Task.of(tasks.create(command, caller(user, http)));
        return ResponseEntity.created(URI.create("/v1/tasks/" + created.id()))
                .body(Envelope.of(created, "Task created successfully"));
    }

    /** The task now, or with {@code as_of} as it was at that instant (404 if it did not exist then). */
    @GetMapping("/{taskId}")
    Envelope get(@AuthenticationPrincipal Jwt token, @PathVariable long taskId,
                 @RequestParam(name = "as_of", required = false) String asOf) {
        UserId user = CurrentUser.of(token);
        TaskLookup lookup = asOf == null ? tasks.find(user, taskId(taskId))
                : tasks.findAsOf(user, taskId(taskId), PastInstant.parse(asOf)
                        .orElseThrow(() -> V1Failure.invalidInput(PastInstant.EXPECTED)));
        return switch (lookup.outcome()) {
            case FOUND -> Envelope.of(V1Task.of(lookup.task()));
            case NOT_OWNER -> throw new TaskException(TaskErrorCode.NOT_OWNER, "Task belongs to another user");
            case NOT_FOUND, BEHIND -> throw new TaskException(TaskErrorCode.NOT_FOUND, "Task not found");
        };
    }

    /** Every change of the task, oldest first; also after it was deleted. Someone else's task is 403. */
    @GetMapping("/{taskId}/history")
    Envelope history(@AuthenticationPrincipal Jwt token, @PathVariable long taskId) {
        TaskHistory history = tasks.history(CurrentUser.of(token), taskId(taskId));
        return switch (history.outcome()) {
            case FOUND -> Envelope.of(history.entries().stream().map(V1HistoryEntry::of).toList());
            case NOT_OWNER -> throw new TaskException(TaskErrorCode.NOT_OWNER, "Task belongs to another user");
            case NOT_FOUND -> throw new TaskException(TaskErrorCode.NOT_FOUND, "Task not found");
        };
    }

    @PutMapping(path = "/{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope update(@AuthenticationPrincipal Jwt token, @PathVariable long taskId,
                    @RequestBody UpdateTaskRequest request,
                    @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                    HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        TaskId id = taskId(taskId);
        UpdateTaskCommand command = UpdateTaskCommand.of(id, user, clock.instant())
                .withTitle(request.title())
                .withDescription(request.description())
                .withPriority(priority(request.priority()))
                .withStatus(request.completed() == null ? null : status(user, id, request.completed()))
                .withTags(request.tags());
        command = TaskRequests.withDueDateChange(command, request.dueDate());
        command = TaskRequests.withRecurrenceChange(command, request.recurrence(), ChatTurns.zone(timeZone));
        return Envelope.of(V1Task.of(tasks.update(command, caller(user, http))), "Task updated successfully");
    }

    /** Takes back the task's most recent change; 409 when there is none left (its creation is not one). */
    @PostMapping("/{taskId}/undo")
    Envelope undo(@AuthenticationPrincipal Jwt token, @PathVariable long taskId, HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        return Envelope.of(V1Task.of(tasks.undo(new UndoTaskCommand(taskId(taskId), user, clock.instant()),
                caller(user, http))), "Last change undone");
    }

    @PatchMapping(path = "/{taskId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope complete(@AuthenticationPrincipal Jwt token, @PathVariable long taskId,
                      @Valid @RequestBody CompletionRequest request, HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        TaskId id = taskId(taskId);
        // a recurring task's next due date is expanded in the zone kept with its rule, so no zone is needed here
        UpdateTaskCommand command = UpdateTaskCommand.of(id, user, clock.instant())
                .withStatus(status(user, id, request.completed()));
        return Envelope.of(V1Task.of(tasks.update(command, caller(user, http))),
                "Task completion status updated successfully");
    }

    @DeleteMapping("/{taskId}")
    Envelope delete(@AuthenticationPrincipal Jwt token, @PathVariable long taskId, HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        tasks.delete(new DeleteTaskCommand(taskId(taskId), user, clock.instant()), caller(user, http));
        return Envelope.message("Task deleted successfully");
    }

    private static Caller caller(UserId user, HttpServletRequest http) {
        return TaskRequests.caller(user, Channel.V1, http);
    }

    private static TaskId taskId(long value) {
        return TaskRequests.taskId(value);
    }

    /**
     * The status {@code completed} asks for, or null for no change. {@code false} reopens a completed task only:
     * pending and archived tasks already are not completed, and a client that sends back a task it read must not
     * bring an archived task back by doing so.
     */
    private TaskStatus status(UserId user, TaskId id, boolean completed) {
        if (completed) {
            return TaskStatus.COMPLETED;
        }
        TaskLookup current = tasks.find(user, id);
        boolean alreadyOpen = current.outcome() == TaskLookup.Outcome.FOUND
                && current.task().status() != TaskStatus.COMPLETED;
        // someone else's or an unknown task goes on to the command, which refuses it with the right error
        return alreadyOpen ? null : TaskStatus.PENDING;
    }

    private static Priority priority(String value) {
        return TaskRequests.priority(value, unknown -> V1Failure.invalidInput("priority must be " + PRIORITIES));
    }

    private static boolean completedFilter(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw V1Failure.invalidInput("completed must be true or false");
        };
    }
}
