package io.taskbot.app.contract000;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.task.TaskHistory;

import java.util.Map;

/**
 * One change of a task in contract 000's style: {@code type} such as {@code task.renamed}, {@code timestamp}, the
 * {@code actor}'s user id, the {@code channel} it came through and the fields it set. Every entry has the same keys:
 * an unknown actor or channel is null, and a due date that was removed is {@code "due_date": null}. {@code undoes}
 * is, for the events of an undo, the version of the first event of the change taken back (versions count the task's
 * events from 0, its creation), and null for every other entry.
 */
record HistoryEntryResponse(
        String type,
        String timestamp,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long actor,
        @JsonInclude(JsonInclude.Include.ALWAYS) String channel,
        @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
        Map<String, Object> changes,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long undoes) {

    static HistoryEntryResponse of(TaskHistory.Entry entry) {
        return new HistoryEntryResponse(
                "task." + entry.kind().wireName(),
                entry.timestamp().toString(),
                entry.actor() == null ? null : entry.actor().value(),
                entry.channel(),
                entry.changes(),
                entry.undoes());
    }
}
