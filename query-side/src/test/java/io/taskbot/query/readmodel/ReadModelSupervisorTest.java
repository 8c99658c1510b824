package io.taskbot.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild state machine of {@link ReadModelSupervisor} on real parts: Axon's tracking processors over an in-memory
 * event store, the JDBC token store and dead-letter queue on in-memory H2, and the pointers on an in-memory MongoDB.
 * The read model is a tiny one of its own (one collection of notes); a clock the test moves stands for the passing of
 * leases and grace periods. Every wait is on a condition, with a generous deadline.
 */
class ReadModelSupervisorTest {

    private static final String MODEL = "notes";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private EmbeddedEventStore events;
    private ConnectionProvider connections;
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final TransactionManager transactions = NoTransactionManager.INSTANCE;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicLong sequence = new AtomicLong();
    private ReadModelPointers pointers;
    private ReadModelSupervisor supervisor;

    /** A read model of its own for the test: each event's text in one collection per generation. */
    private final class Notes implements RebuildableReadModel {

        @Override
        public String name() {
            return MODEL;
        }

        @Override
        public List<String> collections(int generation) {
            return List.of(Generations.collection(MODEL, generation));
        }

        @Override
        public void createIndexes(int generation) {
            // none needed
        }

        @Override
        public Object projection(int generation, BooleanSupplier reportsProgress) {
            return new NotesProjection(database.getCollection(Generations.collection(MODEL, generation)));
        }
    }

    static final class NotesProjection {
        private final MongoCollection<Document> notes;

        NotesProjection(MongoCollection<Document> notes) {
            this.notes = notes;
        }

        @EventHandler
        void on(String note) {
            notes.insertOne(new Document("text", note));
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void parts() {
        mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("taskbot");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        connections = h2::getConnection;
        tokenStore("schema").createSchema(GenericTokenTableFactory.INSTANCE);
        JdbcSequencedDeadLetterQueue.builder().processingGroup("schema").connectionProvider(connections)
                .transactionManager(transactions).eventSerializer(serializer).genericSerializer(serializer).build()
                .createSchema(new GenericDeadLetterTableFactory());
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        pointers = new ReadModelPointers(database);
    }

    private JdbcTokenStore tokenStore(String node) {
        // claims outlive the test: a segment is only taken over when this test says so
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).nodeId(node)
                .claimTimeout(Duration.ofHours(1)).build();
    }

    private ReadModelSupervisor supervisor(Duration switchTimeout) {
        ReadModelSettings settings = new ReadModelSettings(Duration.ofMillis(50), 0, switchTimeout,
                Duration.ofMinutes(10), Duration.ofSeconds(10), 100, Map.of());
        JdbcTokenStore tokens = tokenStore("this-node");
        GenerationProcessors processors = new GenerationProcessors(events, tokens, transactions, connections,
                serializer, serializer, List.of(), settings);
        return new ReadModelSupervisor(List.of(new Notes()), pointers, processors,
                new StoredTokens(connections, serializer), tokens, transactions, events, database, settings, clock);
    }

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stop();
        }
        events.shutDown();
        client.close();
        mongo.shutdownNow();
    }

    private void write(int count) {
        for (int i = 0; i < count; i++) {
            long seq = sequence.getAndIncrement();
            events.publish(new GenericDomainEventMessage<>("Note", "note-1", seq, "note " + seq));
        }
    }

    private long notes(int generation) {
        return database.getCollection(Generations.collection(MODEL, generation)).countDocuments();
    }

    private boolean collectionExists(int generation) {
        return database.listCollectionNames().into(new java.util.ArrayList<>())
                .contains(Generations.collection(MODEL, generation));
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    private void rebuild() {
        assertThat(pointers.startRebuild(pointers.load(MODEL), clock.instant())).isTrue();
        supervisor.superviseSoon();
    }

    @Test
    void onStartTheActiveGenerationIsProcessedHere() {
        write(3);
        supervisor = supervisor(Duration.ofSeconds(30));
        supervisor.start();

        assertThat(pointers.activeGeneration(MODEL)).isEqualTo(Generations.FIRST);
        assertThat(supervisor.running(MODEL)).isPresent();
        waitUntil("the three notes are in generation 1", () -> notes(1) == 3);
        write(2);
        waitUntil("new notes follow", () -> notes(1) == 5);
    }

    @Test
    void aRebuildFillsANewGenerationSwitchesToItAndDropsTheOldOneAfterTheGrace() {
        write(5);
        supervisor = supervisor(Duration.ofSeconds(30));
        supervisor.start();
        waitUntil("generation 1 is filled", () -> notes(1) == 5);

        rebuild();

        waitUntil("generation 2 is active", () -> pointers.activeGeneration(MODEL) == 2);
        Pointer switched = pointers.load(MODEL);
        assertThat(switched.rebuilding()).isNull();
        assertThat(switched.switching()).isFalse();
        assertThat(switched.retired()).containsExactly(1);
        assertThat(notes(2)).isEqualTo(5);
        waitUntil("only generation 2 runs here", () -> supervisor.running(MODEL).isEmpty()
                && supervisor.running(Generations.processor(MODEL, 2)).isPresent());
        write(1);
        waitUntil("a new note reaches the new generation", () -> notes(2) == 6);
        assertThat(notes(1)).isEqualTo(5);

        // the replaced generation is kept for the grace period, then dropped
        assertThat(collectionExists(1)).isTrue();
        clock.advance(Duration.ofMinutes(11));
        waitUntil("generation 1 is dropped", () -> pointers.load(MODEL).retired().isEmpty());
        assertThat(collectionExists(1)).isFalse();
    }

    @Test
    void aSwitchGivesUpWhileAnotherNodeKeepsTheOldGenerationAndSucceedsLater() {
        write(4);
        // another node runs generation 1 and never lets go of its segment
        JdbcTokenStore otherNode = tokenStore("other-node");
        otherNode.initializeTokenSegments(MODEL, 1);
        otherNode.fetchToken(MODEL, 0);
        supervisor = supervisor(Duration.ofMillis(500));
        supervisor.start();

        rebuild();
        waitUntil("generation 2 is filled", () -> notes(2) == 4);
        waitUntil("a switch begins", () -> pointers.load(MODEL).switching());
        waitUntil("the switch is given up", () -> !pointers.load(MODEL).switching());
        Pointer gaveUp = pointers.load(MODEL);
        assertThat(gaveUp.active()).isEqualTo(1);
        assertThat(gaveUp.rebuilding()).isEqualTo(2);
        assertThat(gaveUp.leaseOwner()).isNull();

        // the other node stops; after the back-off the switch is tried again and gets through
        otherNode.releaseClaim(MODEL, 0);
        clock.advance(Duration.ofMinutes(2));
        waitUntil("generation 2 is active", () -> pointers.activeGeneration(MODEL) == 2);
        assertThat(notes(2)).isEqualTo(4);
    }

    @Test
    void aSwitchLeftByANodeThatDiedIsTakenOverOnceItsLeaseRunsOut() {
        write(3);
        pointers.ensure(MODEL);
        assertThat(pointers.startRebuild(pointers.load(MODEL), clock.instant())).isTrue();
        assertThat(pointers.markPrepared(MODEL, 2)).isTrue();
        assertThat(pointers.acquireSwitch(MODEL, 2, "dead-node", clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
        supervisor = supervisor(Duration.ofSeconds(30));
        supervisor.start();

        // while the lease holds, the old generation stays still and the switch is left to its owner
        waitUntil("generation 2 is filled", () -> notes(2) == 3);
        assertThat(supervisor.running(MODEL)).isEmpty();
        Pointer held = pointers.load(MODEL);
        assertThat(held.active()).isEqualTo(1);
        assertThat(held.leaseOwner()).isEqualTo("dead-node");

        clock.advance(Duration.ofMinutes(6));
        waitUntil("generation 2 is active", () -> pointers.activeGeneration(MODEL) == 2);
        assertThat(pointers.load(MODEL).leaseOwner()).isNull();
    }
}
