package io.taskbot.task;

/**
 * The answer to a {@link FindTaskQuery}. The task is only handed out to its owner; everyone else learns that it is
 * someone else's ({@link Outcome#NOT_OWNER}) or that it does not exist. {@link Outcome#BEHIND}: the read model did
 * not reach the asked-for version in time (the write is stored all the same).
 */
public record TaskLookup(Outcome outcome, TaskView task) {

    public enum Outcome { FOUND, NOT_FOUND, NOT_OWNER, BEHIND }

    public static TaskLookup behind() {
        return new TaskLookup(Outcome.BEHIND, null);
    }

    public static TaskLookup found(TaskView task) {
        return new TaskLookup(Outcome.FOUND, task);
    }

    public static TaskLookup notFound() {
        return new TaskLookup(Outcome.NOT_FOUND, null);
    }

    public static TaskLookup notOwner() {
        return new TaskLookup(Outcome.NOT_OWNER, null);
    }
}
