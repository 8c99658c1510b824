package io.taskbot.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@link FindDeadLettersQuery}: per processor of a current read-model generation, its dead letters,
 * grouped by sequence (one aggregate's events, in order).
 */
public record DeadLetters(List<Processor> processors) {

    public DeadLetters {
        processors = List.copyOf(processors);
    }

    /**
     * @param name      the processor, e.g. {@code tasks} or {@code tasks-v2}; what a retry names
     * @param readModel the read model it writes
     * @param letters   its dead letters, sequence by sequence, each sequence oldest first
     */
    public record Processor(String name, String readModel, List<Letter> letters) {

        public Processor {
            letters = List.copyOf(letters);
        }
    }

    /**
     * One event that could not be applied.
     *
     * @param sequence       the sequence it holds up: the aggregate's id; its later events wait behind it
     * @param eventId        the event's identifier in the event store
     * @param eventType      the event's payload type, e.g. {@code TaskRenamedEvent}
     * @param aggregateId    the task or conversation it belongs to
     * @param sequenceNumber its position in the aggregate's stream
     * @param enqueuedAt     when it failed first
     * @param lastTouched    when it was last tried
     * @param causeType      the exception that set it aside, or null for an event that only waits behind another
     * @param causeMessage   that exception's message
     */
    public record Letter(String sequence, String eventId, String eventType, String aggregateId, long sequenceNumber,
                         Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
    }
}
