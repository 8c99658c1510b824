package io.taskbot.readmodel;

import java.util.Objects;

/**
 * Rebuild one read model from the event store into a new generation, switching queries over once it has caught up.
 * Answered with the read model's {@link ReadModelStatus}; asking while a rebuild is under way changes nothing.
 */
public record RebuildReadModelCommand(String name) {

    public RebuildReadModelCommand {
        Objects.requireNonNull(name, "name");
    }
}
