package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.List;

/** Object mother for task tests: fixed ids, owners and instants. */
final class TaskFixtures {

    static final TaskId TASK_ID = TaskId.of(1);
    static final UserId OWNER = UserId.of(7);
    static final UserId STRANGER = UserId.of(8);
    static final Instant CREATED_AT = Instant.parse("2026-11-21T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-21T10:00:00Z");

    private TaskFixtures() {
    }

    static CreateTaskCommand createCommand() {
        return CreateTaskCommand.titled(OWNER, "Buy bread", CREATED_AT);
    }

    static TaskCreatedEvent pendingTask() {
        return new TaskCreatedEvent(TASK_ID, OWNER, "Buy bread", "", Priority.MEDIUM, null, List.of(), CREATED_AT);
    }

    static TaskCreatedEvent pendingTaskDue(DueDate dueDate) {
        return new TaskCreatedEvent(TASK_ID, OWNER, "Buy bread", "", Priority.MEDIUM, dueDate, List.of(), CREATED_AT);
    }

    static UpdateTaskCommand update() {
        return UpdateTaskCommand.of(TASK_ID, OWNER, LATER);
    }

    static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }
}
