package io.taskbot.query.readmodel;

/**
 * How generations are named. The first generation keeps the names read models had before they could be rebuilt, so
 * that an existing data directory carries on with its collections and processor tokens as they are.
 */
public final class Generations {

    public static final int FIRST = 1;

    private Generations() {
    }

    /** The name of collection {@code base} in {@code generation}: {@code tasks}, then {@code tasks_v2}, … */
    public static String collection(String base, int generation) {
        return generation == FIRST ? base : base + "_v" + generation;
    }

    /**
     * The processor (and token, and dead-letter queue) of {@code generation}: {@code tasks}, then {@code tasks-v2},
     * … Never reused: a rebuild always starts under a name that has no token yet.
     */
    static String processor(String readModel, int generation) {
        return generation == FIRST ? readModel : readModel + "-v" + generation;
    }
}
