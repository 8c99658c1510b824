package io.taskbot.app.contract004;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.task.TaskHistory;

import java.util.Map;

/**
 * One change of a task in contract 004's style: as in contract 000, with the actor as {@code user_<n>} like every
 * user id of this contract, and {@code undoes} set on the events of an undo.
 */
record V1HistoryEntry(
        String type,
        String timestamp,
        @JsonInclude(JsonInclude.Include.ALWAYS) String actor,
        @JsonInclude(JsonInclude.Include.ALWAYS) String channel,
        @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
        Map<String, Object> changes,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long undoes) {

    static V1HistoryEntry of(TaskHistory.Entry entry) {
        return new V1HistoryEntry(
                "task." + entry.kind().wireName(),
                entry.timestamp().toString(),
                entry.actor() == null ? null : V1User.wireId(entry.actor()),
                entry.channel(),
                entry.changes(),
                entry.undoes());
    }
}
