package io.taskbot.query.task;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;
import org.bson.Document;

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
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** Sequence number of the newest event applied; makes every update idempotent. */
    static final String VERSION = "version";
    /** Deleted tasks stay as tombstones so that a redelivered older event cannot bring them back. */
    static final String DELETED = "deleted";

    private TaskDocuments() {
    }

    static Document fromCreation(TaskCreatedEvent event, long version) {
        Date created = Date.from(event.occurredAt());
        return new Document(ID, event.taskId().value())
                .append(OWNER, event.owner().value())
                .append(TITLE, event.title())
                .append(DESCRIPTION, event.description())
                .append(PRIORITY, event.priority().wireName())
                .append(PRIORITY_RANK, event.priority().rank())
                .append(STATUS, TaskStatus.PENDING.wireName())
                .append(DUE_DATE, event.dueDate() == null ? null : event.dueDate().value())
                .append(TAGS, event.tags())
                .append(CREATED_AT, created)
                .append(UPDATED_AT, created)
                .append(VERSION, version)
                .append(DELETED, false);
    }

    static TaskView toView(Document document) {
        String dueDate = document.getString(DUE_DATE);
        return new TaskView(
                TaskId.of(document.getLong(ID)),
                UserId.of(document.getLong(OWNER)),
                document.getString(TITLE),
                document.getString(DESCRIPTION),
                Priority.fromWireName(document.getString(PRIORITY)).orElseThrow(),
                TaskStatus.fromWireName(document.getString(STATUS)).orElseThrow(),
                dueDate == null ? null : DueDate.parse(dueDate),
                document.getList(TAGS, String.class, List.of()),
                document.getDate(CREATED_AT).toInstant(),
                document.getDate(UPDATED_AT).toInstant(),
                document.getLong(VERSION));
    }
}
