package io.taskbot.agent.offline;

import java.util.List;
import java.util.Objects;

/**
 * A change to many tasks that waits for the user's yes. The ids are fixed when the question is asked, so that the
 * yes confirms exactly what the user was shown.
 */
public record PendingConfirmation(Kind kind, List<String> ids) {

    public enum Kind {
        DELETE, COMPLETE, REOPEN
    }

    public PendingConfirmation {
        Objects.requireNonNull(kind, "kind");
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
