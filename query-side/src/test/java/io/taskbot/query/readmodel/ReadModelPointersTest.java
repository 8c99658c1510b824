package io.taskbot.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelPointersTest {

    private static final String TASKS = "tasks";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(1));

    private MongoServer server;
    private MongoClient client;
    private ReadModelPointers pointers;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        pointers = new ReadModelPointers(client.getDatabase("pointers-test"));
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdown();
    }

    @Test
    void aReadModelStartsOnItsFirstGeneration() {
        pointers.ensure(TASKS);
        pointers.ensure(TASKS);

        Pointer pointer = pointers.load(TASKS);
        assertThat(pointer.active()).isEqualTo(Generations.FIRST);
        assertThat(pointer.rebuilding()).isNull();
        assertThat(pointer.retired()).isEmpty();
        assertThat(pointers.activeGeneration(TASKS)).isEqualTo(Generations.FIRST);
        assertThat(pointers.activeGeneration("never-seen")).isEqualTo(Generations.FIRST);
    }

    @Test
    void onlyOneOfTwoNodesThatSawTheSameStateStartsARebuild() {
        Pointer seenByBoth = pointers.load(TASKS);

        assertThat(pointers.startRebuild(seenByBoth, NOW)).isTrue();
        assertThat(pointers.startRebuild(seenByBoth, NOW)).isFalse();
        Pointer rebuilding = pointers.load(TASKS);
        assertThat(rebuilding.rebuilding()).isEqualTo(2);
        assertThat(rebuilding.prepared()).isFalse();
        assertThat(rebuilding.rebuildStartedAt()).isEqualTo(NOW);
        assertThat(pointers.startRebuild(rebuilding, NOW)).as("one rebuild at a time").isFalse();
    }

    @Test
    void theSwitchNeedsAPreparedRebuildAndALeaseThatOnlyOneNodeHolds() {
        pointers.startRebuild(pointers.load(TASKS), NOW);
        assertThat(pointers.acquireSwitch(TASKS, 2, "one", NOW, LATER)).as("not prepared yet").isFalse();
        pointers.markPrepared(TASKS, 2);

        assertThat(pointers.acquireSwitch(TASKS, 2, "one", NOW, LATER)).isTrue();
        assertThat(pointers.acquireSwitch(TASKS, 2, "two", NOW, LATER)).isFalse();
        assertThat(pointers.load(TASKS).switching()).isTrue();
        assertThat(pointers.switchTo(TASKS, 2, 1, "two", NOW)).as("not the lease holder").isFalse();
        assertThat(pointers.acquireSwitch(TASKS, 2, "two", LATER.plusSeconds(1), LATER.plusSeconds(60)))
                .as("an expired lease passes to another node").isTrue();
    }

    @Test
    void theSwitchMovesEveryReaderInOneUpdateAndRetiresTheOldGeneration() {
        pointers.startRebuild(pointers.load(TASKS), NOW);
        pointers.markPrepared(TASKS, 2);
        pointers.acquireSwitch(TASKS, 2, "one", NOW, LATER);

        assertThat(pointers.switchTo(TASKS, 2, 1, "one", NOW)).isTrue();
        assertThat(pointers.switchTo(TASKS, 2, 1, "one", NOW)).as("only once").isFalse();

        Pointer switched = pointers.load(TASKS);
        assertThat(switched.active()).isEqualTo(2);
        assertThat(pointers.activeGeneration(TASKS)).isEqualTo(2);
        assertThat(switched.rebuilding()).isNull();
        assertThat(switched.switching()).isFalse();
        assertThat(switched.leaseOwner()).isNull();
        assertThat(switched.retired()).containsExactly(1);
        assertThat(switched.switchedAt()).isEqualTo(NOW);

        pointers.forgetRetired(TASKS, 1);
        assertThat(pointers.load(TASKS).retired()).isEmpty();
        assertThat(pointers.startRebuild(pointers.load(TASKS), LATER)).isTrue();
        assertThat(pointers.load(TASKS).rebuilding()).as("generation numbers are never reused").isEqualTo(3);
    }

    @Test
    void anAbandonedSwitchLetsTheActiveGenerationRunAgain() {
        pointers.startRebuild(pointers.load(TASKS), NOW);
        pointers.markPrepared(TASKS, 2);
        pointers.acquireSwitch(TASKS, 2, "one", NOW, LATER);

        assertThat(pointers.abandonSwitch(TASKS, 2, "one")).isTrue();

        Pointer pointer = pointers.load(TASKS);
        assertThat(pointer.switching()).isFalse();
        assertThat(pointer.rebuildReady()).isTrue();
        assertThat(pointer.active()).isEqualTo(1);
    }

    @Test
    void onlyTheGenerationThisNodeLastSawActiveReportsProgress() {
        assertThat(pointers.seenActive(TASKS, 1)).as("before anything was seen: the first").isTrue();
        pointers.startRebuild(pointers.load(TASKS), NOW);
        pointers.markPrepared(TASKS, 2);
        pointers.acquireSwitch(TASKS, 2, "one", NOW, LATER);
        pointers.switchTo(TASKS, 2, 1, "one", NOW);

        assertThat(pointers.seenActive(TASKS, 2)).as("not seen yet").isFalse();
        pointers.remember(pointers.load(TASKS));
        assertThat(pointers.seenActive(TASKS, 2)).isTrue();
        assertThat(pointers.seenActive(TASKS, 1)).isFalse();
    }
}
