package io.taskbot.app.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2FileHousekeepingTest {

    @Test
    void theFileIsSyncedFiveTimesWithinTheRetentionTimeOfTheEmbeddedDefault() {
        // the embedded default keeps replaced chunks 5 s: they may be overwritten only long after a sync
        assertThat(H2FileHousekeeping.syncIntervalMillis(5_000)).isEqualTo(1_000);
        assertThat(H2FileHousekeeping.syncIntervalMillis(2_000)).isEqualTo(400);
    }

    @Test
    void aLongRetentionStillSyncsEverySecondAndAShortOneEveryRound() {
        assertThat(H2FileHousekeeping.syncIntervalMillis(45_000)).isEqualTo(H2FileHousekeeping.MAX_SYNC_INTERVAL_MILLIS);
        assertThat(H2FileHousekeeping.syncIntervalMillis(0)).isEqualTo(H2FileHousekeeping.INTERVAL_MILLIS);
    }
}
