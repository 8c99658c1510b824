package io.taskbot.app.admin;

import io.taskbot.readmodel.DeadLetters;

/**
 * One event a read-model projection set aside: which processor, which sequence (the aggregate whose later events
 * wait behind it), which event, when, and why ({@code cause} is absent for an event that only waits behind another).
 */
record DeadLetterResponse(String processor, String readModel, String sequence, String eventId, String eventType,
                          String aggregateId, long sequenceNumber, String enqueuedAt, String lastTouched,
                          Cause cause) {

    record Cause(String type, String message) {
    }

    static DeadLetterResponse of(DeadLetters.Processor processor, DeadLetters.Letter letter) {
        return new DeadLetterResponse(processor.name(), processor.readModel(), letter.sequence(), letter.eventId(),
                letter.eventType(), letter.aggregateId(), letter.sequenceNumber(), text(letter.enqueuedAt()),
                text(letter.lastTouched()),
                letter.causeType() == null ? null : new Cause(letter.causeType(), letter.causeMessage()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
