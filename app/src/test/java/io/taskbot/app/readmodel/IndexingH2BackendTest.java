package io.taskbot.app.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingH2BackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;

    private MongoDatabase open() {
        server = new MongoServer(new IndexingH2Backend(dir.resolve("store.mv.db").toString()));
        client = MongoClients.create(server.bindAndGetConnectionString());
        return client.getDatabase("test");
    }

    private void close() {
        client.close();
        server.shutdown();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            close();
        }
    }

    /** The same documents in an indexed collection and in one without indexes, which the server scans. */
    private static void fill(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Document> documents = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            documents.add(new Document("_id", id).append("owner", id % 7).append("status", id % 3 == 0 ? "done" : "open")
                    .append("rank", (int) (id % 4)).append("tags", id % 5 == 0 ? List.of("red", "blue") : List.of())
                    .append("title", "task " + id));
        }
        indexed.createIndex(Indexes.ascending("owner", "status", "_id"));
        indexed.createIndex(Indexes.ascending("owner", "rank", "_id"));
        indexed.insertMany(documents);
        scanned.insertMany(documents);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query, Bson sort, int skip, int limit) {
        List<Object> ids = new ArrayList<>();
        collection.find(query).sort(sort).skip(skip).limit(limit).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static long count(MongoDatabase database, MongoCollection<Document> collection, Bson query) {
        return database.runCommand(new Document("count", collection.getNamespace().getCollectionName())
                .append("query", query.toBsonDocument(Document.class, collection.getCodecRegistry())))
                .get("n", Number.class).longValue();
    }

    @Test
    void queriesNarrowedByTheIndexAnswerExactlyWhatAScanAnswers() {
        MongoDatabase database = open();
        MongoCollection<Document> indexed = database.getCollection("indexed");
        MongoCollection<Document> scanned = database.getCollection("scanned");
        fill(indexed, scanned);
        indexed.updateOne(Filters.eq("_id", 14L), Updates.set("owner", 3L));
        scanned.updateOne(Filters.eq("_id", 14L), Updates.set("owner", 3L));
        indexed.deleteOne(Filters.eq("_id", 21L));
        scanned.deleteOne(Filters.eq("_id", 21L));

        List<Bson> queries = List.of(
                Filters.eq("owner", 3L),
                Filters.eq("owner", 3),
                Filters.and(Filters.eq("owner", 0L), Filters.eq("status", "done")),
                Filters.and(Filters.eq("owner", 0L), Filters.ne("status", "done"), Filters.gte("rank", 2)),
                Filters.and(Filters.eq("owner", 5L), Filters.eq("tags", "red")),
                Filters.and(Filters.eq("owner", 2L), Filters.regex("title", Pattern.compile("1"))),
                Filters.and(Filters.eq("owner", 99L), Filters.eq("status", "open")),
                Filters.in("owner", 1L, 2L));
        for (Bson query : queries) {
            for (Bson sort : List.of(Sorts.ascending("rank", "_id"), Sorts.descending("_id"))) {
                assertThat(ids(indexed, query, sort, 2, 5)).as(query.toString())
                        .isEqualTo(ids(scanned, query, sort, 2, 5));
                assertThat(ids(indexed, query, sort, 0, 0)).as(query.toString())
                        .isEqualTo(ids(scanned, query, sort, 0, 0));
            }
            assertThat(count(database, indexed, query)).as(query.toString())
                    .isEqualTo(count(database, scanned, query));
        }
        assertThat(ids(indexed, Filters.eq("owner", 3L), Sorts.ascending("_id"), 0, 0)).contains(14L)
                .doesNotContain(21L);
        assertThat(ids(indexed, Filters.eq("owner", 0L), Sorts.ascending("_id"), 0, 0)).doesNotContain(14L, 21L);
    }

    @Test
    void aReopenedStoreFillsItsIndexFromTheDocuments() {
        MongoDatabase database = open();
        fill(database.getCollection("indexed"), database.getCollection("scanned"));
        List<Object> before = ids(database.getCollection("indexed"), Filters.eq("owner", 4L), Sorts.ascending("_id"),
                0, 0);
        close();

        database = open();
        assertThat(ids(database.getCollection("indexed"), Filters.eq("owner", 4L), Sorts.ascending("_id"), 0, 0))
                .hasSize(43).isEqualTo(before);
    }

    @Test
    void theIndexAnswersAnEqualityOnItsLeadingFieldAtTheTopOrInATopLevelAnd() {
        LeadingFieldIndex index = new LeadingFieldIndex("owner_status",
                List.of(new IndexKey("owner", true), new IndexKey("status", true)));
        de.bwaldvogel.mongo.bson.Document owner = new de.bwaldvogel.mongo.bson.Document("owner", 3L);

        assertThat(index.canHandle(owner)).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$and",
                List.of(new de.bwaldvogel.mongo.bson.Document("status", "open"), owner)))).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("owner",
                new de.bwaldvogel.mongo.bson.Document("$eq", 3L)))).isTrue();
        // not one plain value: left to the scan
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("owner",
                new de.bwaldvogel.mongo.bson.Document("$gt", 3L)))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("owner", null))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "open"))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(owner)))).isFalse();
    }
}
