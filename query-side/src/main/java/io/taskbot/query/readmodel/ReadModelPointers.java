package io.taskbot.query.readmodel;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code read_models} collection: one pointer document per read model naming the generation queries read, the
 * one being rebuilt and the ones replaced. Every change is a single-document update conditional on the state it
 * expects, so two nodes can never both start a rebuild or both switch one over, and a switch moves every reader at
 * the same instant: readers look the active generation up on each query.
 */
public final class ReadModelPointers {

    static final String COLLECTION = "read_models";

    private static final String ID = "_id";
    private static final String ACTIVE = "active";
    private static final String LAST_GENERATION = "lastGeneration";
    private static final String REBUILDING = "rebuilding";
    private static final String PREPARED = "prepared";
    private static final String REBUILD_STARTED_AT = "rebuildStartedAt";
    private static final String SWITCHING = "switching";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String RETIRED = "retired";
    private static final String SWITCHED_AT = "switchedAt";

    private final MongoCollection<Document> pointers;
    /** What this node last saw active, for deciding who reports progress; queries never use it. */
    private final Map<String, Integer> seenActive = new ConcurrentHashMap<>();

    ReadModelPointers(MongoDatabase database) {
        this.pointers = database.getCollection(COLLECTION);
    }

    /**
     * The generation queries of {@code readModel} are answered from, read afresh: a switch must reach every reader
     * on every node at the same moment, or a client could read a write on one node and miss it on the next.
     */
    public int activeGeneration(String readModel) {
        Document pointer = pointers.find(Filters.eq(ID, readModel)).projection(Projections.include(ACTIVE)).first();
        return pointer == null ? Generations.FIRST : pointer.getInteger(ACTIVE, Generations.FIRST);
    }

    /** Whether this node last saw {@code generation} active; a projection reports progress to readers only then. */
    boolean seenActive(String readModel, int generation) {
        return seenActive.getOrDefault(readModel, Generations.FIRST) == generation;
    }

    void remember(Pointer pointer) {
        seenActive.put(pointer.name(), pointer.active());
    }

    /** Creates the pointer of a read model that has none yet: its first generation is active. */
    void ensure(String readModel) {
        Bson initial = Updates.combine(
                Updates.setOnInsert(ACTIVE, Generations.FIRST),
                Updates.setOnInsert(LAST_GENERATION, Generations.FIRST),
                Updates.setOnInsert(REBUILDING, null),
                Updates.setOnInsert(PREPARED, false),
                Updates.setOnInsert(SWITCHING, false),
                Updates.setOnInsert(RETIRED, List.of()));
        try {
            pointers.updateOne(Filters.eq(ID, readModel), initial, new UpdateOptions().upsert(true));
        } catch (MongoWriteException raced) {
            // another node inserted it first (duplicate _id): the pointer exists, which is all we wanted
        }
    }

    Pointer load(String readModel) {
        Document document = pointers.find(Filters.eq(ID, readModel)).first();
        if (document == null) {
            ensure(readModel);
            document = pointers.find(Filters.eq(ID, readModel)).first();
        }
        return new Pointer(readModel,
                document.getInteger(ACTIVE, Generations.FIRST),
                document.getInteger(LAST_GENERATION, Generations.FIRST),
                document.getInteger(REBUILDING),
                document.getBoolean(PREPARED, false),
                instant(document.getDate(REBUILD_STARTED_AT)),
                document.getBoolean(SWITCHING, false),
                document.getString(LEASE_OWNER),
                instant(document.getDate(LEASE_UNTIL)),
                document.getList(RETIRED, Integer.class, List.of()),
                instant(document.getDate(SWITCHED_AT)));
    }

    /** Claims the next generation for a rebuild, unless one is under way or another node claimed it just now. */
    boolean startRebuild(Pointer seen, Instant now) {
        int generation = seen.lastGeneration() + 1;
        return changed(Filters.and(Filters.eq(ID, seen.name()), Filters.eq(REBUILDING, null),
                        Filters.eq(LAST_GENERATION, seen.lastGeneration())),
                Updates.combine(
                        Updates.set(REBUILDING, generation),
                        Updates.set(LAST_GENERATION, generation),
                        Updates.set(PREPARED, false),
                        Updates.set(REBUILD_STARTED_AT, Date.from(now)),
                        Updates.set(SWITCHING, false),
                        Updates.set(LEASE_OWNER, null),
                        Updates.set(LEASE_UNTIL, null)));
    }

    boolean markPrepared(String readModel, int generation) {
        return changed(Filters.and(Filters.eq(ID, readModel), Filters.eq(REBUILDING, generation)),
                Updates.set(PREPARED, true));
    }

    /**
     * Makes {@code node} the one that switches {@code generation} in, if nobody else holds a live lease on it. From
     * then on every node keeps the active generation's processor stopped.
     */
    boolean acquireSwitch(String readModel, int generation, String node, Instant now, Instant until) {
        return changed(Filters.and(Filters.eq(ID, readModel), Filters.eq(REBUILDING, generation),
                        Filters.eq(PREPARED, true),
                        Filters.or(Filters.eq(LEASE_OWNER, null), Filters.eq(LEASE_OWNER, node),
                                Filters.lt(LEASE_UNTIL, Date.from(now)))),
                Updates.combine(Updates.set(SWITCHING, true), Updates.set(LEASE_OWNER, node),
                        Updates.set(LEASE_UNTIL, Date.from(until))));
    }

    boolean extendSwitch(String readModel, int generation, String node, Instant until) {
        return changed(Filters.and(Filters.eq(ID, readModel), Filters.eq(REBUILDING, generation),
                        Filters.eq(LEASE_OWNER, node)),
                Updates.set(LEASE_UNTIL, Date.from(until)));
    }

    /** Gives a switch up: the active generation's processor runs again and the rebuild keeps following events. */
    boolean abandonSwitch(String readModel, int generation, String node) {
        return changed(Filters.and(Filters.eq(ID, readModel), Filters.eq(REBUILDING, generation),
                        Filters.eq(LEASE_OWNER, node)),
                Updates.combine(Updates.set(SWITCHING, false), Updates.set(LEASE_OWNER, null),
                        Updates.set(LEASE_UNTIL, null)));
    }

    /** The switch itself: one conditional update of one document moves every reader to {@code generation}. */
    boolean switchTo(String readModel, int generation, int replaced, String node, Instant now) {
        return changed(Filters.and(Filters.eq(ID, readModel), Filters.eq(ACTIVE, replaced),
                        Filters.eq(REBUILDING, generation), Filters.eq(SWITCHING, true),
                        Filters.eq(LEASE_OWNER, node)),
                Updates.combine(
                        Updates.set(ACTIVE, generation),
                        Updates.set(REBUILDING, null),
                        Updates.set(PREPARED, false),
                        Updates.set(SWITCHING, false),
                        Updates.set(LEASE_OWNER, null),
                        Updates.set(LEASE_UNTIL, null),
                        Updates.set(SWITCHED_AT, Date.from(now)),
                        Updates.addToSet(RETIRED, replaced)));
    }

    void forgetRetired(String readModel, int generation) {
        pointers.updateOne(Filters.eq(ID, readModel), Updates.pull(RETIRED, generation));
    }

    private boolean changed(Bson filter, Bson update) {
        return pointers.updateOne(filter, update).getMatchedCount() == 1;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
