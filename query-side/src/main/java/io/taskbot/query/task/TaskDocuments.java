package io.taskbot.query.task;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskState;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;
import org.bson.Document;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;

/** The shape of a task document in the {@code tasks} collection, and its mapping to {@link TaskView}. */
final class TaskDocuments {

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";
    /** Priority as a number, so that lists sort low &lt; medium &lt; high &lt; urgent. */
    static final String PRIORITY_RANK = "priorityRank";
    static final String STATUS = "status";
    static final String DUE_DATE = "dueDate";
    static final String TAGS = "tags";
    /** The rule of a recurring task, null for one that does not repeat; start and zone complete its schedule. */
    static final String RECURRENCE = "recurrence";
    static final String RECURRENCE_START = "recurrenceStart";
    static final String RECURRENCE_ZONE = "recurrenceZone";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** Sequence number of the newest event applied; makes every update idempotent. */
    static final String VERSION = "version";
    /** Deleted tasks stay as tombstones so that a redelivered older event cannot bring them back. */
    static final String DELETED = "deleted";

    private TaskDocuments() {
    }

    /** The whole document of a task in {@code state} after the event with sequence number {@code version}. */
    static Document of(TaskState state, long version) {
        Date created = Date.from(state.createdAt());
        Schedule schedule = state.schedule();
        return new Document(ID, state.id().value())
                .append(OWNER, state.owner().value())
                .append(TITLE, state.title())
                .append(DESCRIPTION, state.description())
                .append(PRIORITY, state.priority().wireName())
                .append(PRIORITY_RANK, state.priority().rank())
                .append(STATUS, state.status().wireName())
                .append(DUE_DATE, state.dueDate() == null ? null : state.dueDate().value())
                .append(TAGS, state.tags())
                .append(RECURRENCE, schedule == null ? null : schedule.recurrence().rule())
                .append(RECURRENCE_START, schedule == null ? null : schedule.start().value())
                .append(RECURRENCE_ZONE, schedule == null ? null : schedule.zone().getId())
                .append(CREATED_AT, created)
                .append(UPDATED_AT, Date.from(state.updatedAt()))
                .append(VERSION, version)
                .append(DELETED, state.deleted());
    }

    static StoredTask toStored(Document document) {
        String dueDate = document.getString(DUE_DATE);
        TaskState state = new TaskState(
                TaskId.of(document.getLong(ID)),
                UserId.of(document.getLong(OWNER)),
                document.getString(TITLE),
                document.getString(DESCRIPTION),
                Priority.fromWireName(document.getString(PRIORITY)).orElseThrow(),
                TaskStatus.fromWireName(document.getString(STATUS)).orElseThrow(),
                dueDate == null ? null : DueDate.parse(dueDate),
                document.getList(TAGS, String.class, List.of()),
                schedule(document),
                document.getDate(CREATED_AT).toInstant(),
                document.getDate(UPDATED_AT).toInstant(),
                document.getBoolean(DELETED, false));
        return new StoredTask(state, document.getLong(VERSION));
    }

    /** The schedule of a document; one written before tasks could repeat has none. */
    private static Schedule schedule(Document document) {
        String rule = document.getString(RECURRENCE);
        if (rule == null) {
            return null;
        }
        return new Schedule(Recurrence.parse(rule), DueDate.parse(document.getString(RECURRENCE_START)),
                ZoneId.of(document.getString(RECURRENCE_ZONE)));
    }

    static TaskView toView(Document document) {
        StoredTask stored = toStored(document);
        return stored.state().view(stored.version());
    }
}
