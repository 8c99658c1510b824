package io.taskbot.query.readmodel;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PositionsTest {

    private static TrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Arrays.stream(gaps).collect(Collectors.toSet()));
    }

    @Test
    void aTokenIsAtItsIndexAndNoTokenIsBeforeTheFirstEvent() {
        assertThat(Positions.of(token(41))).isEqualTo(41);
        assertThat(Positions.of(null)).isEqualTo(Positions.NONE);
        assertThat(Positions.lowest(List.of(token(41), token(17, 3L)))).isEqualTo(17);
        assertThat(Positions.lowest(List.of())).isEqualTo(Positions.NONE);
    }

    @Test
    void aReplayTokenCountsWhatItHasReplayedSoFar() {
        TrackingToken replaying = ReplayToken.createReplayToken(token(100), token(40));

        assertThat(Positions.of(replaying)).isEqualTo(40);
    }

    @Test
    void aRebuildThatCoversEveryFrozenSegmentAndTheHeadHasCaughtUp() {
        List<TrackingToken> frozen = List.of(token(90), token(95, 93L));

        assertThat(Positions.caughtUp(List.of(token(100), token(100)), frozen, 100)).isTrue();
    }

    @Test
    void theSlowestRebuiltSegmentDecides() {
        List<TrackingToken> frozen = List.of(token(90));

        assertThat(Positions.caughtUp(List.of(token(100), token(89)), frozen, 89)).isFalse();
        assertThat(Positions.caughtUp(List.of(token(100), token(95)), frozen, 100))
                .as("behind the head the old generation stopped at").isFalse();
    }

    @Test
    void anEventTheOldGenerationPickedUpLateMustHaveReachedTheNewOneToo() {
        // 93 committed late: the old generation has it, the rebuilt one still waits for it at a higher index
        List<TrackingToken> frozen = List.of(token(95));
        List<TrackingToken> waitingFor93 = List.of(token(100, 93L));

        assertThat(Positions.caughtUp(waitingFor93, frozen, 100)).isFalse();
        assertThat(Positions.caughtUp(List.of(token(100)), frozen, 100)).isTrue();
    }

    @Test
    void aGapBothGenerationsStillWaitForIsNoReasonToWait() {
        // 93 is still uncommitted (or rolled back): neither generation shows it, so readers lose nothing
        List<TrackingToken> frozen = List.of(token(95, 93L));

        assertThat(Positions.caughtUp(List.of(token(100, 93L)), frozen, 95)).isTrue();
    }

    @Test
    void nothingIsCaughtUpBeforeItsTokensExistAndAnEmptyStoreIsCaughtUpAtOnce() {
        assertThat(Positions.caughtUp(List.of(), List.of(token(5)), 5)).isFalse();
        assertThat(Positions.caughtUp(Arrays.asList((TrackingToken) null), List.of(), Positions.NONE)).isTrue();
        assertThat(Positions.caughtUp(Arrays.asList((TrackingToken) null), List.of(token(0)), 0)).isFalse();
        assertThat(Positions.caughtUp(List.of(token(5)), Arrays.asList((TrackingToken) null), 5))
                .as("an old segment that never processed anything").isTrue();
    }

    @Test
    void gapsTooOldToWaitForAreNotHeldAgainstTheRebuild() {
        Set<Long> none = Set.of();
        TrackingToken rebuilt = GapAwareTrackingToken.newInstance(200, none);

        assertThat(Positions.caughtUp(List.of(rebuilt), List.of(token(150, 20L, 21L)), 200)).isTrue();
    }
}
