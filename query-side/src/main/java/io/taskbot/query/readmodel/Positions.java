package io.taskbot.query.readmodel;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Collection;

/**
 * Event-store positions of tokens, and the condition for switching readers to a rebuilt generation.
 * <p>
 * The switch happens while the active generation's processor is stopped everywhere (its segments claimed by the
 * switching node), so its tokens are frozen and say exactly which events its collections show. Readers may move to
 * the rebuilt generation once every one of its segments has processed every event any frozen segment processed
 * ({@link TrackingToken#covers}, which also compares the gaps of gap-aware tokens, so an event that committed late
 * and was picked up by the old generation is waited for) and has reached the head the event store had when the old
 * generation stopped. Anything a client has seen is then in the new generation too: reads never go back in time.
 */
final class Positions {

    /** Before any event. */
    static final long NONE = -1;

    private Positions() {
    }

    /** The position up to which a token has processed every event; wrapped (replay) tokens count what they replayed. */
    static long of(TrackingToken token) {
        if (token == null) {
            return NONE;
        }
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        return current == null ? NONE : current.position().orElse(NONE);
    }

    /** The position every segment has passed: the lowest segment's, or {@link #NONE} without tokens. */
    static long lowest(Collection<TrackingToken> tokens) {
        return tokens.stream().mapToLong(Positions::of).min().orElse(NONE);
    }

    static boolean caughtUp(Collection<TrackingToken> rebuilt, Collection<TrackingToken> frozen, long headAtFreeze) {
        if (rebuilt.isEmpty()) {
            return false;
        }
        for (TrackingToken segment : rebuilt) {
            TrackingToken position = segment == null ? null : WrappedToken.unwrapLowerBound(segment);
            if (of(position) < headAtFreeze) {
                return false;
            }
            for (TrackingToken old : frozen) {
                TrackingToken processed = old == null ? null : WrappedToken.unwrapLowerBound(old);
                if (processed != null && (position == null || !position.covers(processed))) {
                    return false;
                }
            }
        }
        return true;
    }
}
