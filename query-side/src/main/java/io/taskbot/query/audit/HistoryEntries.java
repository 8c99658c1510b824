package io.taskbot.query.audit;

import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.DueDate;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.user.UserId;
import org.axonframework.messaging.MetaData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored task event into an audit entry: its kind, when, who, through which channel, and the fields it set
 * under the names the REST contracts use. Written field by field, like the Kafka records, so that renaming a Java
 * field never changes what an auditor reads.
 */
final class HistoryEntries {

    private HistoryEntries() {
    }

    static TaskHistory.Entry of(TaskEvent event, long version, MetaData metaData) {
        return new TaskHistory.Entry(event.kind(), Timestamps.of(event), actor(metaData),
                text(metaData.get(MetadataKeys.CHANNEL)), version, changes(event), undoes(metaData));
    }

    static Map<String, Object> changes(TaskEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event instanceof TaskCreatedEvent created) {
            changes.put("title", created.title());
            changes.put("description", created.description());
            changes.put("priority", created.priority().wireName());
            changes.put("status", TaskStatus.PENDING.wireName());
            changes.put("due_date", dueDate(created.dueDate()));
            changes.put("tags", List.copyOf(created.tags()));
            changes.put("recurrence", recurrence(created.schedule()));
        } else if (event instanceof TaskRenamedEvent renamed) {
            changes.put("title", renamed.title());
        } else if (event instanceof TaskDescriptionChangedEvent changed) {
            changes.put("description", changed.description());
        } else if (event instanceof TaskPriorityChangedEvent changed) {
            changes.put("priority", changed.priority().wireName());
        } else if (event instanceof TaskDueDateChangedEvent changed) {
            changes.put("due_date", dueDate(changed.dueDate()));
        } else if (event instanceof TaskTagsChangedEvent changed) {
            changes.put("tags", List.copyOf(changed.tags()));
        } else if (event instanceof TaskCompletedEvent) {
            changes.put("status", TaskStatus.COMPLETED.wireName());
        } else if (event instanceof TaskReopenedEvent || event instanceof TaskUnarchivedEvent) {
            changes.put("status", TaskStatus.PENDING.wireName());
        } else if (event instanceof TaskArchivedEvent) {
            changes.put("status", TaskStatus.ARCHIVED.wireName());
        } else if (event instanceof TaskRecurrenceChangedEvent changed) {
            changes.put("recurrence", recurrence(changed.schedule()));
        } else if (event instanceof TaskOccurrenceCompletedEvent completed) {
            changes.put("completed_due_date", dueDate(completed.occurrence()));
            changes.put("due_date", dueDate(completed.nextDueDate()));
        }
        // a deletion and a restore set no field: their kind says it all
        return changes;
    }

    private static String recurrence(Schedule schedule) {
        return schedule == null ? null : schedule.recurrence().rule();
    }

    /** The first version of the change an undo took back; null for any other event, or an unreadable mark. */
    private static Long undoes(MetaData metaData) {
        Object undoes = metaData.get(MetadataKeys.UNDOES);
        return undoes != null && undoes.toString().matches("\\d{1,18}") ? Long.valueOf(undoes.toString()) : null;
    }

    private static String dueDate(DueDate dueDate) {
        return dueDate == null ? null : dueDate.value();
    }

    /** The user in the metadata; events are immutable, so anything unreadable there is shown as unknown, not fatal. */
    private static UserId actor(MetaData metaData) {
        Object userId = metaData.get(MetadataKeys.USER_ID);
        if (userId == null || !userId.toString().matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return UserId.of(Long.parseLong(userId.toString()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
