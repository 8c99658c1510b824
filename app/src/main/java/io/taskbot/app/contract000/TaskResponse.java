package io.taskbot.app.contract000;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.task.TaskView;

import java.util.List;

/**
 * A task in contract 000's shape: {@code id, title, status, created_at, updated_at}, plus the extras every contract
 * shares (description, priority, tags, due_date, and recurrence: the task's RRULE, null when it does not repeat).
 */
record TaskResponse(
        long id,
        String title,
        String status,
        String createdAt,
        String updatedAt,
        String description,
        String priority,
        List<String> tags,
        String dueDate,
        @JsonInclude(JsonInclude.Include.ALWAYS) String recurrence) {

    static TaskResponse of(TaskView task) {
        return new TaskResponse(
                task.id().value(),
                task.title(),
                task.status().wireName(),
                task.createdAt().toString(),
                task.updatedAt().toString(),
                task.description(),
                task.priority().wireName(),
                task.tags(),
                task.dueDate() == null ? null : task.dueDate().value(),
                task.recurrence() == null ? null : task.recurrence().rule());
    }
}
