package io.taskbot.app.contract000;

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
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The task endpoints of contract 000; every operation acts only on the token's user's tasks. */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    static final int DEFAULT_LIMIT = 50;
    private static final String LIMIT_RANGE = "limit must be between 1 and " + FindTasksQuery.MAX_LIMIT;

    private final TaskGateway tasks;
    private final Clock clock;

    TaskController(TaskGateway tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** {@code recurrence} is a JSON node so that an update can tell a rule left out from one set to null. */
    record CreateTaskRequest(String title, String description, String priority, String dueDate, List<String> tags,
                             @Schema(type = "string", nullable = true, example = "FREQ=WEEKLY;BYDAY=MO",
                                     description = "An RFC 5545 RRULE without the RRULE: prefix; null for none")
                             JsonNode recurrence) {
    }

    record UpdateTaskRequest(String title, String status, String description, String priority, String dueDate,
                             List<String> tags,
                             @Schema(type = "string", nullable = true, example = "FREQ=MONTHLY;BYMONTHDAY=1",
                                     description = "An RFC 5545 RRULE without the RRULE: prefix; null stops the "
                                             + "task repeating, absent leaves it as it is")
                             JsonNode recurrence) {
    }

    @GetMapping
    List<TaskResponse> list(@AuthenticationPrincipal Jwt token,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false)
                            @Min(value = 1, message = LIMIT_RANGE) @Max(value = FindTasksQuery.MAX_LIMIT,
                                    message = LIMIT_RANGE) Integer limit,
                            @RequestParam(required = false)
                            @Min(value = 0, message = "offset must not be negative") Integer offset) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        TaskFilter filter = TaskFilter.withStatus(status(status));
        // contract 000 answers with the bare list: no total to count
        return tasks.list(new FindTasksQuery(CurrentUser.of(token), filter, TaskSort.OLDEST_FIRST, skip, pageSize)
                        .withoutTotal())
                .tasks().stream().map(TaskResponse::of).toList();
    }

    /** The task now, or with {@code as_of} as it was at that instant (404 if it did not exist then). */
    @GetMapping("/{taskId}")
    TaskResponse get(@AuthenticationPrincipal Jwt token, @PathVariable long taskId,
                     @RequestParam(name = "as_of", required = false) String asOf) {
        UserId user = CurrentUser.of(token);
        TaskLookup lookup = asOf == null ? tasks.find(user, taskId(taskId))
                : tasks.findAsOf(user, taskId(taskId), PastInstant.parse(asOf)
                        .orElseThrow(() -> new InvalidParameterException(PastInstant.EXPECTED)));
        if (lookup.outcome() != TaskLookup.Outcome.FOUND) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "Task not found");
        }
        return TaskResponse.of(lookup.task());
    }

    /** Every change of the task, oldest first; also after it was deleted. Someone else's task is not found. */
    @GetMapping("/{taskId}/history")
    List<HistoryEntryResponse> history(@AuthenticationPrincipal Jwt token, @PathVariable long taskId) {
        TaskHistory history = tasks.history(CurrentUser.of(token), taskId(taskId));
        if (history.outcome() != TaskHistory.Outcome.FOUND) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "Task not found");
        }
        return history.entries().stream().map(HistoryEntryResponse::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskResponse> create(@AuthenticationPrincipal Jwt token, @RequestBody CreateTaskRequest request,
                                        @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                                        HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        CreateTaskCommand command = new CreateTaskCommand(user, request.title(), request.description(),
                priority(request.priority()),
                request.dueDate() == null ? null : DueDate.parse(request.dueDate()),
                request.tags(), clock.instant())
                .withRecurrence(TaskRequests.recurrence(request.recurrence()), ChatTurns.zone(timeZone));
        TaskResponse created = TaskResponse.of(tasks.create(command, caller(user, http)));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())).body(created);
    }

    @PutMapping(path = "/{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaskResponse update(@AuthenticationPrincipal Jwt token, @PathVariable long taskId,
                        @RequestBody UpdateTaskRequest request,
                        @RequestHeader(name = "X-Time-Zone", required = false) String timeZone,
                        HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        UpdateTaskCommand command = UpdateTaskCommand.of(taskId(taskId), user, clock.instant())
                .withTitle(request.title())
                .withDescription(request.description())
                .withStatus(status(request.status()))
                .withPriority(priority(request.priority()))
                .withTags(request.tags());
        command = TaskRequests.withDueDateChange(command, request.dueDate());
        command = TaskRequests.withRecurrenceChange(command, request.recurrence(), ChatTurns.zone(timeZone));
        return TaskResponse.of(tasks.update(command, caller(user, http)));
    }

    /** Takes back the task's most recent change; 409 when there is none left (its creation is not one). */
    @PostMapping("/{taskId}/undo")
    TaskResponse undo(@AuthenticationPrincipal Jwt token, @PathVariable long taskId, HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        return TaskResponse.of(tasks.undo(new UndoTaskCommand(taskId(taskId), user, clock.instant()),
                caller(user, http)));
    }

    @DeleteMapping("/{taskId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable long taskId, HttpServletRequest http) {
        UserId user = CurrentUser.of(token);
        tasks.delete(new DeleteTaskCommand(taskId(taskId), user, clock.instant()), caller(user, http));
    }

    private static Caller caller(UserId user, HttpServletRequest http) {
        return TaskRequests.caller(user, Channel.API_V1, http);
    }

    private static TaskId taskId(long value) {
        return TaskRequests.taskId(value);
    }

    private static TaskStatus status(String value) {
        return TaskRequests.status(value, unknown -> new InvalidParameterException(
                "status must be one of " + names(TaskStatus.values())));
    }

    private static Priority priority(String value) {
        return TaskRequests.priority(value, unknown -> new InvalidParameterException(
                "priority must be one of " + names(Priority.values())));
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
