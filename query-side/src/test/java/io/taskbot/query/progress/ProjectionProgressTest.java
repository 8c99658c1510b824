package io.taskbot.query.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionProgressTest {

    private final ProjectionProgress progress = new ProjectionProgress(Duration.ofSeconds(5));

    @Test
    void returnsAtOnceWhenTheReadModelIsThere() {
        assertThat(progress.await("1", 3, () -> 3)).isTrue();
        assertThat(progress.await("1", 3, () -> 7)).isTrue();
    }

    @Test
    void aReportWakesTheWaiter() throws Exception {
        AtomicLong stored = new AtomicLong(0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> progress.await("7", 2, stored::get));

        Thread.sleep(20);
        stored.set(2);
        progress.reached("7", 2);

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void findsVersionsWrittenElsewhereByLookingAgain() throws Exception {
        AtomicLong stored = new AtomicLong(0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> progress.await("9", 1, stored::get));

        stored.set(1);

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReportForAnOlderVersionDoesNotWake() throws Exception {
        AtomicLong stored = new AtomicLong(0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> progress.await("5", 4, stored::get));

        progress.reached("5", 3);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        stored.set(4);
        progress.reached("5", 4);
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReportIsOnlyAHintUntilTheStoreTheReaderUsesShowsTheVersion() throws Exception {
        AtomicLong stored = new AtomicLong(0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> progress.await("6", 2, stored::get));

        Thread.sleep(20);
        progress.reached("6", 2);
        Thread.sleep(100);
        assertThat(waiting).as("reported by a projection writing somewhere else").isNotDone();

        stored.set(2);
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpAfterTheTimeout() {
        ProjectionProgress impatient = new ProjectionProgress(Duration.ofMillis(120));

        assertThat(impatient.await("3", 1, () -> 0)).isFalse();
    }
}
