package io.taskbot.task;

/** A task's integer id, allocated from a database sequence so that every app node gets distinct ids. */
public record TaskId(long value) {

    public TaskId {
        if (value <= 0) {
            throw new IllegalArgumentException("task ids are positive, got " + value);
        }
    }

    public static TaskId of(long value) {
        return new TaskId(value);
    }

    /** Axon uses this as the aggregate identifier in the event store. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
