package io.taskbot.app.readmodel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A secondary (non-unique) index of the embedded MongoDB, which mongo-java-server leaves out: by itself it answers only
 * {@code _id} and unique-index equality from an index and scans the whole collection for every other query. This
 * index knows the documents by the value of its <em>leading</em> field. A query with an equality on that field, at
 * its top level or inside a top-level {@code $and} (the shape the Java driver sends for {@code Filters.and}), is
 * answered from just those documents: the server still matches the whole query, sorts, skips and limits, but over
 * them instead of over the collection. So a user's task list costs that user's tasks, not the whole store.
 * <p>
 * Kept in memory and filled from the collection when the store is opened (mongo-java-server fills an empty index
 * from the documents as it adds it), so it can never disagree with the documents after a crash. Positions are kept
 * in their natural order, the order a scan of the collection would meet them in.
 * <p>
 * Declared sparse, as mongo-java-server's own placeholder for secondary indexes is: a document it does not hold is no
 * inconsistency, and the {@code _id} index alone tells a removed document's position.
 */
final class LeadingFieldIndex extends Index<Object> {

    private static final String ID = "_id";

    private final String field;
    /** The library's own key extraction for the leading field (normalised numbers, one key per array element). */
    private final Index<Object> leadingKey;
    private final Map<KeyValue, NavigableSet<Object>> positions = new ConcurrentHashMap<>();
    private final AtomicLong entries = new AtomicLong();

    LeadingFieldIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.leadingKey = new EmptyIndex<>(name, List.of(keys.get(0)));
    }

    /** Whether an index with these keys can be served by this class: a leading field that is not a path. */
    static boolean supports(List<IndexKey> keys) {
        return !keys.isEmpty() && !keys.get(0).getKey().contains(".");
    }

    String field() {
        return field;
    }

    @Override
    public Object getPosition(Document document) {
        // the unique _id index tells a document's position; this one only narrows queries
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : leadingKey.getKeyValues(document)) {
            if (positions.computeIfAbsent(key, empty -> new ConcurrentSkipListSet<>(ValueComparator.asc()))
                    .add(position)) {
                entries.incrementAndGet();
            }
        }
    }

    @Override
    public Object remove(Document document) {
        // the embedded H2 store keeps every document of a collection with an _id under that _id
        Object position = document.get(ID);
        if (position != null) {
            removeAt(leadingKey.getKeyValues(document), position);
        }
        return null;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<KeyValue> before = leadingKey.getKeyValues(oldDocument);
        if (before.equals(leadingKey.getKeyValues(newDocument))) {
            return;
        }
        removeAt(before, position);
        add(newDocument, position, collection);
    }

    private void removeAt(Set<KeyValue> keys, Object position) {
        for (KeyValue key : keys) {
            positions.computeIfPresent(key, (same, held) -> {
                if (held.remove(position)) {
                    entries.decrementAndGet();
                }
                return held.isEmpty() ? null : held;
            });
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return equalityOnLeadingField(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Object value = equalityOnLeadingField(query);
        Set<KeyValue> keys = leadingKey.getKeyValues(new Document(field, value));
        NavigableSet<Object> held = positions.get(keys.iterator().next());
        return held == null ? List.of() : held;
    }

    /** The value the query requires the leading field to equal, or null when it requires no single plain value. */
    private Object equalityOnLeadingField(Document query) {
        Object value = plainValue(query.get(field));
        if (value == null && query.get("$and") instanceof List<?> conjunction) {
            for (Object term : conjunction) {
                if (term instanceof Document document) {
                    value = plainValue(document.get(field));
                    if (value != null) {
                        break;
                    }
                }
            }
        }
        return value;
    }

    /**
     * A value whose equality means "the field is that value, or an array holding it": text, numbers, booleans, dates
     * and ids, or the same under {@code $eq}. Null (which also matches a missing field), documents, arrays and
     * patterns are left to the scan.
     */
    private static Object plainValue(Object value) {
        if (value instanceof Document operator && operator.size() == 1 && operator.containsKey("$eq")) {
            value = operator.get("$eq");
        }
        boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof Instant || value instanceof ObjectId;
        return plain ? value : null;
    }

    @Override
    public long getCount() {
        return entries.get();
    }

    @Override
    public long getDataSize() {
        return entries.get();
    }

    @Override
    public void drop() {
        positions.clear();
        entries.set(0);
    }
}
