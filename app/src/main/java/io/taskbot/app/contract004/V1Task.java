package io.taskbot.app.contract004;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.task.TaskView;

import java.util.List;

/**
 * A task in contract 004's shape ({@code id, user_id, title, description, completed, priority, created_at,
 * updated_at}) plus the extras every contract shares: tags, due_date (null when there is none, so that every task
 * has the same keys), the status behind {@code completed} (pending, completed or archived) and recurrence (the task's
 * RRULE, null when it does not repeat).
 */
record V1Task(
        long id,
        String userId,
        String title,
        String description,
        boolean completed,
        String priority,
        String createdAt,
        String updatedAt,
        List<String> tags,
        @JsonInclude(JsonInclude.Include.ALWAYS) String dueDate,
        String status,
        @JsonInclude(JsonInclude.Include.ALWAYS) String recurrence) {

    static V1Task of(TaskView task) {
        return new V1Task(
                task.id().value(),
                V1User.wireId(task.owner()),
                task.title(),
                task.description(),
                task.completed(),
                task.priority().wireName(),
                task.createdAt().toString(),
                task.updatedAt().toString(),
                task.tags(),
                task.dueDate() == null ? null : task.dueDate().value(),
                task.status().wireName(),
                task.recurrence() == null ? null : task.recurrence().rule());
    }
}
