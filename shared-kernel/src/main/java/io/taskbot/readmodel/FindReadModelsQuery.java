package io.taskbot.readmodel;

/** The state of every rebuildable read model; answered with {@link ReadModelStatuses}. */
public record FindReadModelsQuery() {
}
