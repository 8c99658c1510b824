package io.taskbot.agent.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.task.TaskView;

import java.util.List;

/**
 * A task in contract 003's Todo shape, which is what every tool returns and what {@code tool_calls} report, with the
 * task's RRULE as {@code recurrence} ({@code null} when it does not repeat).
 */
public record Todo(String id, String title, String description, boolean completed, String priority,
                   List<String> tags, String dueDate, String createdAt, String updatedAt, String status,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String recurrence) {

    static Todo of(TaskView task) {
        return new Todo(Long.toString(task.id().value()), task.title(),
                task.description() == null || task.description().isEmpty() ? null : task.description(),
                task.completed(), task.priority().wireName(), task.tags(),
                task.dueDate() == null ? null : task.dueDate().value(),
                task.createdAt().toString(), task.updatedAt().toString(), task.status().wireName(),
                task.recurrence() == null ? null : task.recurrence().rule());
    }
}
