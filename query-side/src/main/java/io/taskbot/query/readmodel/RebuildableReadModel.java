package io.taskbot.query.readmodel;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A read model that can be rebuilt from the event store. It lives in generations: each generation is a set of
 * collections written by one projection instance under one processor, and queries read the generation that the
 * {@link ReadModelPointers pointer} names as active.
 */
public interface RebuildableReadModel {

    /** The read model's name, e.g. {@code tasks}; also the name of its first generation's processor. */
    String name();

    /** The collections of one generation; dropped once that generation has been replaced. */
    List<String> collections(int generation);

    /** Creates the indexes of a generation's collections; done before its processor runs, and harmless to repeat. */
    void createIndexes(int generation);

    /**
     * The event handlers that write {@code generation}. They report their progress to waiting readers only while
     * {@code reportsProgress} says so: readers wait on the active generation, not on one that is being filled.
     */
    Object projection(int generation, BooleanSupplier reportsProgress);
}
