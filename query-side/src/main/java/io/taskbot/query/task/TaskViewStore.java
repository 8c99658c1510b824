package io.taskbot.query.task;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.taskbot.query.readmodel.Generations;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.taskbot.query.task.TaskDocuments.CREATED_AT;
import static io.taskbot.query.task.TaskDocuments.DELETED;
import static io.taskbot.query.task.TaskDocuments.DESCRIPTION;
import static io.taskbot.query.task.TaskDocuments.DUE_DATE;
import static io.taskbot.query.task.TaskDocuments.ID;
import static io.taskbot.query.task.TaskDocuments.OWNER;
import static io.taskbot.query.task.TaskDocuments.PRIORITY_RANK;
import static io.taskbot.query.task.TaskDocuments.STATUS;
import static io.taskbot.query.task.TaskDocuments.TAGS;
import static io.taskbot.query.task.TaskDocuments.TITLE;
import static io.taskbot.query.task.TaskDocuments.UPDATED_AT;
import static io.taskbot.query.task.TaskDocuments.VERSION;

/**
 * The {@code tasks} collection of one generation ({@code tasks}, {@code tasks_v2}, …): one whole document per task,
 * written by the projection only when the event's sequence number is newer than the document's, so delivering an
 * event twice, or an older one late, leaves the document as it was.
 */
final class TaskViewStore {

    static final String COLLECTION = "tasks";

    private final MongoDatabase database;
    private final MongoCollection<Document> tasks;

    TaskViewStore(MongoDatabase database, int generation) {
        this.database = database;
        this.tasks = database.getCollection(Generations.collection(COLLECTION, generation));
    }

    /** Indexes for the owner-scoped lists; each ends in {@code _id}, the tie-breaker of every sort. */
    void createIndexes() {
        tasks.createIndex(Indexes.ascending(OWNER, DELETED, CREATED_AT, ID), new IndexOptions().name("owner_created"));
        tasks.createIndex(Indexes.ascending(OWNER, DELETED, STATUS, CREATED_AT, ID),
                new IndexOptions().name("owner_status_created"));
        tasks.createIndex(Indexes.ascending(OWNER, DELETED, UPDATED_AT, ID), new IndexOptions().name("owner_updated"));
        tasks.createIndex(Indexes.ascending(OWNER, DELETED, PRIORITY_RANK, ID),
                new IndexOptions().name("owner_priority"));
        tasks.createIndex(Indexes.ascending(OWNER, DELETED, TAGS), new IndexOptions().name("owner_tags"));
    }

    /**
     * The task as this generation holds it, tombstones included; looked up by {@code _id} alone, the one query the
     * embedded server answers from an index (any other filter scans the whole collection).
     */
    Optional<StoredTask> load(TaskId id) {
        return Optional.ofNullable(tasks.find(Filters.eq(ID, id.value())).first()).map(TaskDocuments::toStored);
    }

    /** The stored versions of those of {@code ids} this generation holds, tombstones included; one query by key. */
    Map<TaskId, Long> versions(List<TaskId> ids) {
        Map<TaskId, Long> versions = new HashMap<>();
        tasks.find(Filters.in(ID, ids.stream().map(TaskId::value).toList())).projection(Projections.include(VERSION))
                .forEach(document -> versions.put(TaskId.of(document.getLong(ID)), document.getLong(VERSION)));
        return versions;
    }

    /**
     * Writes tasks in one bulk write: those just {@code created}, unless this generation has them already (their
     * creation delivered again), and the whole {@code replaced} ones as of their versions. Whoever calls it has
     * checked that the stored versions of the replaced ones are older: nothing else writes those tasks in between,
     * since a generation's events of one task are applied one at a time, in order (sequenced per aggregate, also
     * when retried from the dead-letter queue). Every write is by {@code _id} alone, the one filter the embedded
     * server answers from an index.
     */
    void writeAll(List<StoredTask> created, List<StoredTask> replaced) {
        List<WriteModel<Document>> writes = new ArrayList<>(created.size() + replaced.size());
        for (StoredTask task : created) {
            writes.add(new UpdateOneModel<>(Filters.eq(ID, task.state().id().value()),
                    Updates.setOnInsert(TaskDocuments.of(task.state(), task.version())),
                    new UpdateOptions().upsert(true)));
        }
        for (StoredTask task : replaced) {
            writes.add(new ReplaceOneModel<>(Filters.eq(ID, task.state().id().value()),
                    TaskDocuments.of(task.state(), task.version()), new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            tasks.bulkWrite(writes);
        }
    }

    /** The task unless it is deleted; whoever asks must check the owner. */
    Optional<TaskView> find(TaskId id) {
        return load(id).filter(stored -> !stored.state().deleted())
                .map(stored -> stored.state().view(stored.version()));
    }

    TaskPage findPage(UserId owner, TaskFilter filter, TaskSort sort, int offset, int limit, boolean countTotal) {
        Bson query = Filters.and(criteria(owner, filter));
        List<TaskView> page = new ArrayList<>();
        tasks.find(query).sort(order(sort)).skip(offset).limit(limit)
                .forEach(document -> page.add(TaskDocuments.toView(document)));
        return new TaskPage(page, total(query, offset, limit, page.size(), countTotal));
    }

    /**
     * How many tasks match in all. A page that is not full ends the list, and then says it; otherwise one {@code count}
     * command asks, if the reader wants to know. Not {@code countDocuments}: the driver sends that as an aggregation, which the embedded server runs
     * over the whole collection, while it answers {@code count} from the owner's index like the page's query.
     */
    private long total(Bson query, int offset, int limit, int found, boolean countTotal) {
        if (found < limit && (found > 0 || offset == 0)) {
            return (long) offset + found;
        }
        if (!countTotal) {
            return TaskPage.NOT_COUNTED;
        }
        Document count = database.runCommand(new Document("count", tasks.getNamespace().getCollectionName())
                .append("query", query.toBsonDocument(Document.class, tasks.getCodecRegistry())));
        return count.get("n", Number.class).longValue();
    }

    private static List<Bson> criteria(UserId owner, TaskFilter filter) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(Filters.eq(OWNER, owner.value()));
        criteria.add(Filters.eq(DELETED, false));
        if (filter.status() != null) {
            criteria.add(Filters.eq(STATUS, filter.status().wireName()));
        }
        if (filter.completed() != null) {
            String completed = TaskStatus.COMPLETED.wireName();
            criteria.add(filter.completed() ? Filters.eq(STATUS, completed) : Filters.ne(STATUS, completed));
        }
        if (filter.dueFrom() != null) {
            // due dates are ISO text, date or date-time: text order is calendar order, and a day is a prefix
            criteria.add(Filters.gte(DUE_DATE, filter.dueFrom().toString()));
        }
        if (filter.dueUntil() != null) {
            criteria.add(Filters.lt(DUE_DATE, filter.dueUntil().plusDays(1).toString()));
        }
        if (filter.priority() != null) {
            criteria.add(Filters.eq(PRIORITY_RANK, filter.priority().rank()));
        }
        if (filter.tag() != null) {
            criteria.add(Filters.eq(TAGS, filter.tag()));
        }
        if (filter.text() != null) {
            // the user's text is a literal, never a pattern: quote it before it reaches the regex engine
            Pattern literal = Pattern.compile(Pattern.quote(filter.text()),
                    Pattern.CASE_INSENSITIVE);
            criteria.add(Filters.or(Filters.regex(TITLE, literal), Filters.regex(DESCRIPTION, literal)));
        }
        return criteria;
    }

    private static Bson order(TaskSort sort) {
        String field = switch (sort.field()) {
            case CREATED_AT -> CREATED_AT;
            case UPDATED_AT -> UPDATED_AT;
            case PRIORITY -> PRIORITY_RANK;
        };
        return sort.ascending() ? Sorts.ascending(field, ID) : Sorts.descending(field, ID);
    }
}
