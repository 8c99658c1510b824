package io.taskbot.query.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionProgressTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final int READ = 1;

    /** A store that is never asked: the test fails if it is. */
    private static final LongFunction<Optional<String>> NEVER_ASKED = version -> {
        throw new AssertionError("looked at the store");
    };

    @Test
    void answersFromAReportMadeBeforeTheReaderCame() {
        ProjectionProgress<String> progress = new ProjectionProgress<>(LONG, LONG);
        progress.reached("1", READ, 3, "task at 3");

        assertThat(progress.await("1", 3, () -> READ, NEVER_ASKED)).contains("task at 3");
        assertThat(progress.await("1", 2, () -> READ, NEVER_ASKED)).as("a newer version will do").contains("task at 3");
    }

    @Test
    void aReportWakesTheWaiterWithWhatWasWritten() throws Exception {
        ProjectionProgress<String> progress = new ProjectionProgress<>(LONG, LONG);
        CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(
                () -> progress.await("7", 2, () -> READ, NEVER_ASKED));

        progress.reached("7", READ, 1, "task at 1");
        progress.reached("7", READ, 2, "task at 2");

        assertThat(waiting.get(1, TimeUnit.MINUTES)).contains("task at 2");
    }

    @Test
    void aReportFromAGenerationReadersDoNotReadIsNotBelieved() throws Exception {
        ProjectionProgress<String> progress = new ProjectionProgress<>(LONG, Duration.ofMillis(5));
        AtomicInteger looks = new AtomicInteger();
        progress.reached("6", 2, 4, "in the rebuild");

        Optional<String> answer = progress.await("6", 4, () -> READ,
                version -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("in the store readers read"));

        assertThat(answer).contains("in the store readers read");
    }

    @Test
    void aReportOfAnOlderVersionIsNotEnough() {
        ProjectionProgress<String> progress = new ProjectionProgress<>(LONG, Duration.ofMillis(5));
        progress.reached("5", READ, 3, "task at 3");

        Optional<String> answer = progress.await("5", 4, () -> READ,
                version -> version == 4 ? Optional.of("task at 4, from the store") : Optional.empty());

        assertThat(answer).contains("task at 4, from the store");
    }

    @Test
    void findsWritesProjectedOnAnotherNodeInTheStore() throws Exception {
        ProjectionProgress<String> progress = new ProjectionProgress<>(LONG, Duration.ofMillis(5));
        AtomicReference<String> stored = new AtomicReference<>();
        CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(
                () -> progress.await("9", 1, () -> READ, version -> Optional.ofNullable(stored.get())));

        stored.set("projected elsewhere");

        assertThat(waiting.get(1, TimeUnit.MINUTES)).contains("projected elsewhere");
    }

    @Test
    void givesUpAfterTheTimeoutHavingLookedAtTheStoreOnceMore() {
        ProjectionProgress<String> impatient = new ProjectionProgress<>(Duration.ofMillis(50), LONG);
        AtomicInteger looks = new AtomicInteger();

        assertThat(impatient.await("3", 1, () -> READ, version -> {
            looks.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(looks).hasValue(1);
    }
}
