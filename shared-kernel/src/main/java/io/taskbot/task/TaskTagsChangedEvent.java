package io.taskbot.task;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The task's tags were replaced. */
@Revision("1")
public record TaskTagsChangedEvent(TaskId taskId, List<String> tags, Instant occurredAt) implements TaskEvent {

    @Override
    public TaskEventKind kind() {
        return TaskEventKind.TAGS_CHANGED;
    }
}
