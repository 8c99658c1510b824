package io.taskbot.readmodel;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one read model stands.
 *
 * @param name       e.g. {@code tasks}
 * @param state      {@link State#LIVE}, or {@link State#REBUILDING} while a new generation fills
 * @param generation the generation queries are answered from
 * @param position   the event-store position the served generation has processed; -1 before its first event
 * @param behind     how many positions it is behind the head of the event store
 * @param rebuild    the generation being filled, or null when there is none
 */
public record ReadModelStatus(String name, State state, int generation, long position, long behind,
                              Rebuild rebuild) {

    public enum State {
        /** Queries are answered from a complete generation that follows new events as they come. */
        LIVE,
        /** A new generation is filling from the event store; queries keep using the current one. */
        REBUILDING,
        /** The new generation has caught up; queries move to it as soon as it holds all the current one shows. */
        SWITCHING
    }

    public ReadModelStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    /**
     * A generation being filled.
     *
     * @param generation      its number
     * @param position        the event-store position it has processed; -1 before its first event
     * @param behind          positions left to the head of the event store
     * @param startedAt       when the rebuild was asked for
     * @param eventsPerSecond event-store positions processed per second so far, as seen by the answering node
     */
    public record Rebuild(int generation, long position, long behind, Instant startedAt, double eventsPerSecond) {
    }
}
