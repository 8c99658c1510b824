package io.taskbot.readmodel;

import java.util.List;

/** The answer to {@link FindReadModelsQuery}, one entry per rebuildable read model. */
public record ReadModelStatuses(List<ReadModelStatus> readModels) {

    public ReadModelStatuses {
        readModels = List.copyOf(readModels);
    }
}
