package io.taskbot.app.task;

import io.taskbot.app.web.RequestIds;
import io.taskbot.messaging.Caller;
import io.taskbot.messaging.Channel;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.function.Function;

/**
 * How the task controllers of every contract read what a client sent, where the contracts agree. Where they differ
 * (their messages, their paging) each passes its own: an unknown priority is refused in the caller's words.
 */
public final class TaskRequests {

    private TaskRequests() {
    }

    /** A task id from a path; ids are positive, so anything else is a task that does not exist. */
    public static TaskId taskId(long value) {
        if (value <= 0) {
            throw new TaskException(TaskErrorCode.NOT_FOUND, "Task not found");
        }
        return TaskId.of(value);
    }

    /** The priority named, null when none was given; an unknown name is refused with {@code invalid}. */
    public static Priority priority(String name, Function<String, ? extends RuntimeException> invalid) {
        return name == null ? null : Priority.fromWireName(name).orElseThrow(() -> invalid.apply(name));
    }

    /** The status named, null when none was given; an unknown name is refused with {@code invalid}. */
    public static TaskStatus status(String name, Function<String, ? extends RuntimeException> invalid) {
        return name == null ? null : TaskStatus.fromWireName(name).orElseThrow(() -> invalid.apply(name));
    }

    /**
     * The due date of an update: absent leaves it as it is, an empty text removes it, anything else must be a date
     * (refused with INVALID_DUE_DATE otherwise).
     */
    public static UpdateTaskCommand withDueDateChange(UpdateTaskCommand command, String dueDate) {
        if (dueDate == null) {
            return command;
        }
        return dueDate.isEmpty() ? command.withoutDueDate() : command.withDueDate(DueDate.parse(dueDate));
    }

    /**
     * The recurrence of a new task: absent or JSON null for none, else an RRULE text (refused with
     * INVALID_RECURRENCE when it is not one).
     */
    public static Recurrence recurrence(JsonNode recurrence) {
        if (recurrence == null || recurrence.isNull()) {
            return null;
        }
        return Recurrence.parse(recurrenceText(recurrence));
    }

    /**
     * The recurrence of an update: absent leaves it as it is, JSON null (or an empty text) stops the task repeating,
     * anything else must be an RRULE text. A new rule is expanded in {@code zone}, the user's.
     */
    public static UpdateTaskCommand withRecurrenceChange(UpdateTaskCommand command, JsonNode recurrence, ZoneId zone) {
        UpdateTaskCommand inZone = command.inZone(zone);
        if (recurrence == null) {
            return inZone;
        }
        if (recurrence.isNull() || recurrenceText(recurrence).isBlank()) {
            return inZone.withoutRecurrence();
        }
        return inZone.withRecurrence(Recurrence.parse(recurrenceText(recurrence)));
    }

    private static String recurrenceText(JsonNode recurrence) {
        if (!recurrence.isString()) {
            throw new TaskException(TaskErrorCode.INVALID_RECURRENCE,
                    "recurrence must be a text: an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO, or null");
        }
        return recurrence.asString();
    }

    /** Who sends the commands of this request, through which contract. */
    public static Caller caller(UserId user, Channel channel, HttpServletRequest request) {
        return new Caller(user, channel, RequestIds.of(request));
    }
}
