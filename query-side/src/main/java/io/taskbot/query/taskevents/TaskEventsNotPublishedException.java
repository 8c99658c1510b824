package io.taskbot.query.taskevents;

/**
 * Kafka did not take an event in time. Thrown out of the handler so that the batch is rolled back and the processor
 * retries it later from its token, instead of skipping the event.
 */
final class TaskEventsNotPublishedException extends RuntimeException {

    TaskEventsNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
