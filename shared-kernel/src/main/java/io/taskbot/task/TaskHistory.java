package io.taskbot.task;

import io.taskbot.user.UserId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link FindTaskHistoryQuery}: the task's changes, oldest first, for its owner only; everyone else
 * learns that it is someone else's ({@link Outcome#NOT_OWNER}) or that it does not exist.
 */
public record TaskHistory(Outcome outcome, List<Entry> entries) {

    public enum Outcome { FOUND, NOT_FOUND, NOT_OWNER }

    public TaskHistory {
        Objects.requireNonNull(outcome, "outcome");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static TaskHistory found(List<Entry> entries) {
        return new TaskHistory(Outcome.FOUND, entries);
    }

    public static TaskHistory notFound() {
        return new TaskHistory(Outcome.NOT_FOUND, List.of());
    }

    public static TaskHistory notOwner() {
        return new TaskHistory(Outcome.NOT_OWNER, List.of());
    }

    /**
     * One event of the task.
     *
     * @param kind      what happened
     * @param timestamp when the change was requested
     * @param actor     who asked for it; null for an event stored without a user in its metadata
     * @param channel   the contract ({@code api-v1}, {@code v1}, {@code api-chat}) or chat conversation
     *                  ({@code chat:<id>}) it came through; null if unrecorded
     * @param version   the event's sequence number in the task's stream
     * @param changes   the fields the event set, by their snake_case wire names; a removed due date is a null value
     * @param undoes    for an event of an undo, the version of the first event of the change it took back; else null
     */
    public record Entry(TaskEventKind kind, Instant timestamp, UserId actor, String channel, long version,
                        Map<String, Object> changes, Long undoes) {

        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(timestamp, "timestamp");
            // null values are meaningful here (a due date removed), which Map.copyOf would refuse
            changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }

        /** An entry of a change that is not an undo. */
        public Entry(TaskEventKind kind, Instant timestamp, UserId actor, String channel, long version,
                     Map<String, Object> changes) {
            this(kind, timestamp, actor, channel, version, changes, null);
        }
    }
}
